/**
 * Fills a database with N generated organisations over the real communes of all 34 provinces.
 *   node --import tsx bench/generate.ts --count 40000 --database sqlite:/tmp/bench.sqlite
 */
import { readBenchOptions } from './bench-options.ts';
import { describeTarget, openBenchDatabase, settleAfterBulkLoad } from './bench-database.ts';
import { fillRegistry } from './registry-filler.ts';

const options = readBenchOptions();
const started = performance.now();
const { database } = await openBenchDatabase(options.target);
try {
  console.log(`Generating ${options.count.toLocaleString('en-US')} organisations into ${describeTarget(options.target)}`);
  const created = await fillRegistry(database.db, options.count, console.log);
  await settleAfterBulkLoad(database);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Created ${created.toLocaleString('en-US')} organisations in ${seconds.toFixed(1)} s (including migration).`);
} finally {
  await database.close();
}
