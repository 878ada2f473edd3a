import type { Readable } from 'node:stream';
import type { OrganizationFilters } from '../../../contracts/organizations.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, scopeOf } from '../../platform/access.ts';
import { createSheetStream } from '../../platform/sheets/sheet-writer.ts';
import { createAnnualReportRepository } from './annual-report.repository.ts';
import { ANNUAL_FIGURE_SHEET_KEYS, type ColumnKey, ORGANIZATION_COLUMNS, sheetFormatOf, toSheetCells } from './organization-sheet.rules.ts';
import { createOrganizationRepository } from './organization.repository.ts';

type ExportFilters = Omit<OrganizationFilters, 'sort' | 'page' | 'pageSize'>;

const columnsOf = (keys: ColumnKey[]) =>
  keys.map((key) => {
    const definition = ORGANIZATION_COLUMNS.find((column) => column.key === key);
    return { header: definition?.header ?? key, width: definition?.width ?? 14, format: sheetFormatOf(key) };
  });

const ORGANIZATION_KEYS = ORGANIZATION_COLUMNS.map((column) => column.key);

/**
 * Excel files with the template's columns, so that export → edit → import is a round trip.
 * Rows stream from the database to the response: memory does not grow with the list.
 */
export function createOrganizationExporter(deps: { db: Db }) {
  const organizations = createOrganizationRepository(deps.db);
  const reports = createAnnualReportRepository(deps.db);

  function writeSheet(
    keys: ColumnKey[],
    sheetName: string,
    fill: (addRow: (cells: (string | number | null)[]) => void) => Promise<void>,
  ): Readable {
    const sheet = createSheetStream(sheetName, columnsOf(keys));
    fill((cells) => sheet.addRow(cells))
      .then(() => sheet.finish())
      .catch((error: unknown) => sheet.stream.destroy(error instanceof Error ? error : new Error(String(error))));
    return sheet.stream;
  }

  return {
    /** The organisations the filters select; with `figuresYear`, that year's figures beside each. */
    exportOrganizations(actor: Actor, filters: ExportFilters): Readable {
      return writeSheet(ORGANIZATION_KEYS, 'Danh sách', async (addRow) => {
        for await (const batch of organizations.streamOrganizations(scopeOf(actor), filters)) {
          const year = filters.figuresYear;
          const figures = year
            ? new Map(
                (
                  await reports.findReportsOfYear(
                    batch.map((item) => item.id),
                    year,
                  )
                ).map((report) => [report.organizationId, report]),
              )
            : undefined;
          for (const organization of batch) addRow(toSheetCells(organization, figures?.get(organization.id)));
        }
      });
    },

    /** Every yearly record of the selected organisations for a year (or all years). */
    exportAnnualReports(actor: Actor, filters: ExportFilters, year: number | undefined): Readable {
      return writeSheet(ANNUAL_FIGURE_SHEET_KEYS, 'Số liệu hằng năm', async (addRow) => {
        for await (const batch of organizations.streamOrganizations(scopeOf(actor), filters)) {
          for (const organization of batch) {
            const years = year ? await reports.findReportsOfYear([organization.id], year) : await reports.findReports(organization.id);
            for (const report of years) addRow(toSheetCells(organization, report, ANNUAL_FIGURE_SHEET_KEYS));
          }
        }
      });
    },

    /** An empty list with the columns and one example row, to fill in Excel. */
    template(kind: 'organizations' | 'annual-reports'): Readable {
      const keys = kind === 'organizations' ? ORGANIZATION_KEYS : ANNUAL_FIGURE_SHEET_KEYS;
      return writeSheet(keys, kind === 'organizations' ? 'Danh sách' : 'Số liệu hằng năm', async (addRow) => {
        addRow(
          toSheetCells(
            {
              id: '',
              name: 'HTX Dịch vụ Nông nghiệp Tân Tiến (dòng ví dụ, hãy xóa)',
              kind: 'cooperative',
              taxCode: '0100109106',
              registeredOn: '2019-03-15',
              registrationAuthority: 'Sở Tài chính',
              communeCode: '07699',
              communeName: 'Phường Tân Tiến',
              provinceName: 'Bắc Ninh',
              addressLine: 'Thôn Đông',
              status: 'active',
              sector: 'agriculture',
              isNewModel: true,
              charterCapital: 1_200_000_000,
              legalRepresentative: 'Nguyễn Văn An',
              chairName: null,
              directorName: 'Nguyễn Văn An',
              controllerName: null,
              phone: '0912 345 678',
              email: null,
              website: null,
              notes: null,
            },
            { year: new Date().getFullYear() - 1, officialMembers: 56, workers: 12, revenue: 3_450_500_000 },
            keys,
          ).map((cell, index) => (keys[index] === 'id' ? null : cell)),
        );
      });
    },
  };
}

export type OrganizationExporter = ReturnType<typeof createOrganizationExporter>;
