/**
 * Loads the registry's list and search endpoints and times the same queries directly.
 *   node --import tsx bench/registry-load.ts --database sqlite:/tmp/bench.sqlite
 */
import { readBenchOptions } from './bench-options.ts';
import { openBenchDatabase } from './bench-database.ts';
import { runRegistryBenchmark } from './registry-benchmark.ts';

const options = readBenchOptions();
const { database } = await openBenchDatabase(options.target);
try {
  await runRegistryBenchmark(database, options);
} finally {
  await database.close();
}
