/**
 * Where a list request's CPU goes: the real app under one query shape's load (20 connections,
 * 2 s to warm up, 5 s profiled), written as a .cpuprofile for Chrome's DevTools.
 *
 *   node --import tsx bench/profile-list.ts --database sqlite:/tmp/hoptac-bench.sqlite --shapes a --list-cache 0
 *
 * Takes the options of `npm run bench` (the database must already hold the generated registry);
 * the profile goes to bench/out/profile-<db>-<shape>.cpuprofile.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { benchConfig, openBenchDatabase } from './bench-database.ts';
import { readBenchOptions } from './bench-options.ts';
import { runLoad } from './load-runner.ts';
import { buildQueryShapes } from './query-shapes.ts';
import { createBenchToken } from './registry-benchmark.ts';

const WARM_UP_SECONDS = 2;

const options = readBenchOptions();
const { database } = await openBenchDatabase(options.target, () => undefined);
const app = await buildApp({ config: benchConfig(options.target, options.listCache), database, serveWeb: false });
try {
  const token = await createBenchToken(database);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const shapes = (await buildQueryShapes(database.db)).filter((shape) => options.shapes.length === 0 || options.shapes.includes(shape.key));
  const profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  for (const shape of shapes) {
    const paths = shape.queries.map((query) => `/api/v1/organizations?${query}`);
    await runLoad({ origin, token, paths, duration: WARM_UP_SECONDS, connections: options.connections });
    await profiler.post('Profiler.start');
    const result = await runLoad({ origin, token, paths, duration: options.duration, connections: options.connections });
    const { profile } = await profiler.post('Profiler.stop');
    const file = path.join(import.meta.dirname, 'out', `profile-${database.kind}-${shape.key}.cpuprofile`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    console.log(`${shape.key}. ${shape.title}: ${result.requestsPerSecond.toFixed(0)} req/s, p95 ${result.p95.toFixed(1)} ms -> ${file}`);
  }
} finally {
  await app.close();
  await database.close();
}
