// `npm test`: every test — unit and route tests on SQLite and PostgreSQL, then the browser
// journeys. A half that cannot run here says so on its own line; nothing is skipped silently.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'hoptac-test-'));

async function reachablePostgres() {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}

function vitest(args, environment, report) {
  const outputFile = path.join(reports, `${report}.json`);
  const run = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`], {
    stdio: 'inherit',
    env: { ...process.env, ...environment },
  });
  const counts = fs.existsSync(outputFile) ? JSON.parse(fs.readFileSync(outputFile, 'utf8')) : null;
  return {
    ok: run.status === 0,
    passed: counts?.numPassedTests ?? 0,
    failed: counts ? counts.numFailedTests : 1,
  };
}

const postgres = await reachablePostgres();
if (postgres) console.log(`Route tests run on SQLite and on PostgreSQL (${postgres.replace(/\/\/[^@]*@/, '//')}).`);
else console.log(`NOTICE: no PostgreSQL at ${process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES}: route tests run on SQLite only.`);

const results = [vitest([], postgres ? { TEST_DATABASE_URL: postgres } : {}, 'server')];

if (fs.existsSync(CHROMIUM)) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  results.push(build.status === 0 ? vitest(['--config', 'e2e/vitest.config.ts'], {}, 'e2e') : { ok: false, passed: 0, failed: 1 });
} else {
  console.log(`NOTICE: no Chromium at ${CHROMIUM}: the browser journeys (e2e/) did not run. .ci/run installs Debian's chromium.`);
}

const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
fs.rmSync(reports, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(results.every((result) => result.ok) && failed === 0 ? 0 : 1);
