/**
 * Issue 3's benchmark: import and export of N organisations (default 100,000) through the same
 * services the web uses — preview, commit, export — printing wall time and peak memory (RSS,
 * sampled every 50 ms) of each. Targets: ≤ 30 s each and ≤ 600 MB.
 *
 *   node --import tsx bench/import-export.ts --database sqlite:/tmp/hoptac-io.sqlite [--count 100000]
 *   node --import tsx bench/import-export.ts --database postgres://postgres@127.0.0.1:5432/hoptac_io
 *   … --cpu-profile /tmp/profiles   (a .cpuprofile of each step)
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { parseDatabaseUrl } from '../server/config.ts';
import { createPersonImporter } from '../server/modules/organizations/person-import.service.ts';
import { createImportService } from '../server/modules/imports/import.service.ts';
import { createAnnualReportService } from '../server/modules/organizations/annual-report.service.ts';
import { createOrganizationExporter } from '../server/modules/organizations/organization-export.service.ts';
import { createOrganizationImporter } from '../server/modules/organizations/organization-import.service.ts';
import { createOrganizationService } from '../server/modules/organizations/organization.service.ts';
import { createPlacesRepository } from '../server/modules/places/places.repository.ts';
import { systemActor } from '../server/platform/access.ts';
import { systemClock } from '../server/platform/clock.ts';
import { createSheetStream } from '../server/platform/sheets/sheet-writer.ts';
import { generateOrganizations } from '../server/seed/organization-generator.ts';
import { openBenchDatabase } from './bench-database.ts';

const { values } = parseArgs({
  options: { database: { type: 'string' }, count: { type: 'string' }, 'cpu-profile': { type: 'string' } },
});
const target = parseDatabaseUrl(values.database ?? 'sqlite:/tmp/hoptac-io.sqlite');
const count = Number(values.count ?? 100_000);

const profileDirectory = values['cpu-profile'];
const profiler = profileDirectory ? new Session() : undefined;
profiler?.connect();
await profiler?.post('Profiler.enable');

/** Peak resident memory while `work` runs; with --cpu-profile DIR, also its CPU profile (open it in Chrome's DevTools). */
async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  global.gc?.();
  await profiler?.post('Profiler.start');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    return await work();
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${label.padEnd(34)} ${seconds.padStart(6)} s   peak RSS ${(peak / 1024 / 1024).toFixed(0).padStart(5)} MB`);
    if (profiler && profileDirectory) {
      const { profile } = await profiler.post('Profiler.stop');
      fs.mkdirSync(profileDirectory, { recursive: true });
      fs.writeFileSync(path.join(profileDirectory, `${label.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`), JSON.stringify(profile));
    }
  }
}

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

if (target.kind === 'sqlite' && target.file !== ':memory:')
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${target.file}${suffix}`, { force: true });
const { database } = await openBenchDatabase(target, () => undefined);
const { db } = database;
const places = createPlacesRepository(db);
const organizations = createOrganizationService({ db, places, clock: systemClock });
const annualReports = createAnnualReportService({ db, organizations, clock: systemClock });
const importer = createOrganizationImporter({ db, places, clock: systemClock });
const log = { error: console.error } as unknown as Parameters<typeof createImportService>[0]['log'];
const personImporter = createPersonImporter({ db, clock: systemClock });
const imports = createImportService({ db, importer, personImporter, annualReports, clock: systemClock, log });
const communes = await places.findCommunes({ tokens: [], limit: 500 * 10 });

console.log(`hoptac import/export benchmark: ${count.toLocaleString('en-US')} organisations, ${database.kind}, node ${process.version}`);

// The file an office would send: the template's columns, a year's figures, Vietnamese money.
const file = await measure(`write ${count} rows to .xlsx`, async () => {
  const rows = generateOrganizations({ count, communeCodes: communes.map((commune) => commune.code), seed: 7 });
  const sheet = createSheetStream(
    'Danh sách',
    [
      'Tên HTX',
      'Mã số thuế',
      'Mã xã',
      'Địa chỉ',
      'Ngành nghề chính',
      'Ngày đăng ký',
      'Vốn điều lệ (triệu đồng)',
      'Số thành viên',
      'Doanh thu 2024 (triệu đồng)',
    ].map((header) => ({ header, width: 16 })),
  );
  const collected = (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of sheet.stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  })();
  rows.forEach((row, index) => {
    sheet.addRow([
      row.name,
      row.taxCode,
      row.communeCode,
      row.addressLine,
      'Nông nghiệp',
      row.registeredOn.split('-').reverse().join('/'),
      (row.charterCapital ?? 0) / 1e6,
      10 + (index % 90),
      `${index % 5000},5`,
    ]);
  });
  await sheet.finish();
  return collected;
});
console.log(`  file: ${(file.length / 1024 / 1024).toFixed(1)} MB`);

const settle = async (id: string) => {
  for (;;) {
    const current = await imports.getImport(systemActor, id, 'vi');
    if (current.status !== 'previewing' && current.status !== 'committing') return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const preview = await measure('import: upload + preview', async () => {
  const started = await imports.startImport(systemActor, { entity: 'organizations', fileName: 'bench.xlsx', content: file }, 'vi');
  return settle(started.id);
});
console.log(`  ${JSON.stringify(preview.summary)} ${preview.error ?? ''}`);
const committed = await measure('import: commit (one transaction)', async () => {
  await imports.commitImport(systemActor, preview.id, { version: preview.version, skipRowsWithErrors: true }, 'vi');
  return settle(preview.id);
});
console.log(`  ${committed.status} ${JSON.stringify(committed.summary)} ${committed.error ?? ''}`);

const exporter = createOrganizationExporter({ db });
const exported = await measure('export: all organisations (.xlsx)', () =>
  drain(exporter.exportOrganizations(systemActor, { figuresYear: 2024 })),
);
console.log(`  ${(exported / 1024 / 1024).toFixed(1)} MB written`);

const again = await measure('import the same file again: preview', async () =>
  settle((await imports.startImport(systemActor, { entity: 'organizations', fileName: 'bench.xlsx', content: file }, 'vi')).id),
);
console.log(`  ${JSON.stringify(again.summary)}`);
await database.close();
