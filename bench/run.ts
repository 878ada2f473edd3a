/**
 * `npm run bench -- --database URL [--count N]`: fills the database when it has no organisations,
 * then runs the registry benchmark.
 */
import { readBenchOptions } from './bench-options.ts';
import { describeTarget, openBenchDatabase, settleAfterBulkLoad } from './bench-database.ts';
import { runRegistryBenchmark } from './registry-benchmark.ts';
import { countOrganizations, fillRegistry } from './registry-filler.ts';

const options = readBenchOptions();
const { database } = await openBenchDatabase(options.target);
try {
  if ((await countOrganizations(database.db)) === 0) {
    console.log(`Generating ${options.count.toLocaleString('en-US')} organisations into ${describeTarget(options.target)}`);
    const started = performance.now();
    await fillRegistry(database.db, options.count, console.log);
    await settleAfterBulkLoad(database);
    console.log(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  await runRegistryBenchmark(database, options);
} finally {
  await database.close();
}
