import { parseArgs } from 'node:util';
import { type DatabaseTarget, parseDatabaseUrl } from '../server/config.ts';

export const DEFAULT_BENCH_DATABASE = 'sqlite:/tmp/hoptac-bench.sqlite';

export type BenchOptions = {
  databaseUrl: string;
  target: DatabaseTarget;
  /** Organisations to generate. */
  count: number;
  /** Seconds of autocannon load per query shape. */
  duration: number;
  connections: number;
  /** Sequential direct runs per query shape. */
  directRuns: number;
  /** Each measurement is repeated this many times and the fastest kept: other work on the machine only ever slows it. */
  rounds: number;
  /** Where the query plans are written (besides the summary printed). */
  plansFile: string;
  /** Only these shapes, by letter (a–f); all when empty. */
  shapes: string[];
  /** The server's list cache (LIST_CACHE_ENTRIES); 0 measures every request against the database. */
  listCache: number;
  /** Saves of an organisation per second through the API while the load runs (0: none). */
  writesPerSecond: number;
};

const USAGE = `bench options:
  --database URL      sqlite:FILE or postgres://… (default ${DEFAULT_BENCH_DATABASE})
  --count N           organisations to generate (default 40000)
  --duration S        seconds of load per query shape (default 5)
  --connections N     concurrent connections (default 20)
  --direct-runs N     sequential direct runs per shape (default 200)
  --rounds N          repeat each measurement, keep the fastest (default 1)
  --plans FILE        where to write the query plans (default bench/out/plans-<db>.txt)
  --shapes abc        only these shapes (default all)
  --list-cache N      the server's list cache entries, as LIST_CACHE_ENTRIES (default 500; 0: off)
  --writes-per-second N  an officer saving an organisation N times a second during the load (default 0)`;

function positiveInteger(value: string | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`--${option} needs a positive whole number, got "${value}"\n\n${USAGE}`);
  return parsed;
}

export function readBenchOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      database: { type: 'string' },
      count: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'direct-runs': { type: 'string' },
      rounds: { type: 'string' },
      plans: { type: 'string' },
      shapes: { type: 'string' },
      'list-cache': { type: 'string' },
      'writes-per-second': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const databaseUrl = values.database ?? DEFAULT_BENCH_DATABASE;
  const target = parseDatabaseUrl(databaseUrl);
  return {
    databaseUrl,
    target,
    count: positiveInteger(values.count, 40_000, 'count'),
    duration: positiveInteger(values.duration, 5, 'duration'),
    connections: positiveInteger(values.connections, 20, 'connections'),
    directRuns: positiveInteger(values['direct-runs'], 200, 'direct-runs'),
    rounds: positiveInteger(values.rounds, 1, 'rounds'),
    plansFile: values.plans ?? `bench/out/plans-${target.kind}.txt`,
    shapes: [...(values.shapes ?? '')],
    listCache: values['list-cache'] === '0' ? 0 : positiveInteger(values['list-cache'], 500, 'list-cache'),
    writesPerSecond: values['writes-per-second'] === undefined ? 0 : positiveInteger(values['writes-per-second'], 0, 'writes-per-second'),
  };
}
