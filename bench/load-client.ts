/**
 * The load generator, run as its own process so that its work does not share the server's
 * event loop. Reads a LoadRequest as JSON on stdin, prints a LoadResult as JSON on stdout.
 */
import autocannon from 'autocannon';
import { percentile } from './latency-stats.ts';

export type LoadRequest = { origin: string; token: string; paths: string[]; duration: number; connections: number };
export type LoadResult = {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const request = JSON.parse(await readStdin()) as LoadRequest;
if (new URL(request.origin).hostname !== '127.0.0.1') throw new Error('The benchmark only loads 127.0.0.1.');

let next = 0;
const latencies: number[] = [];
const instance = autocannon({
  url: request.origin,
  connections: request.connections,
  duration: request.duration,
  timeout: 30,
  headers: { authorization: `Bearer ${request.token}`, accept: 'application/json' },
  // Each request takes the next query of the shape, so consecutive requests differ.
  requests: [
    {
      method: 'GET',
      setupRequest: (raw) => {
        const path = request.paths[next % request.paths.length];
        next += 1;
        return { ...raw, path };
      },
    },
  ],
});
instance.on('response', (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime));
const result = await instance;
latencies.sort((a, b) => a - b);
const output: LoadResult = {
  requests: result.requests.total,
  requestsPerSecond: result.requests.total / result.duration,
  p50: percentile(latencies, 0.5),
  p95: percentile(latencies, 0.95),
  p99: percentile(latencies, 0.99),
  failures: result.errors + result.timeouts + result.non2xx,
};
process.stdout.write(JSON.stringify(output));
