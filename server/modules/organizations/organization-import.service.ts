/**
 * Importing organisation lists (and the year's figures they carry) from spreadsheets: each row
 * is read, its address mapped to today's commune, matched to an organisation already
 * registered, and turned into what will be created, updated or left unchanged — nothing is
 * written until `applyRows`, which writes every row in one transaction or none.
 */
import type { AnnualFigures, AnnualReport, ClassificationRubric } from '../../../contracts/annual-reports.ts';
import { type OrganizationInput, type Organization, organizationInputSchema } from '../../../contracts/organizations.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, isInProvince, type ReadScope, scopeOf } from '../../platform/access.ts';
import { diffSnapshots } from '../../platform/audit.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { foldVietnamese } from '../../platform/search-text.ts';
import type { SheetRow } from '../../platform/sheets/sheet-reader.ts';
import { toFieldErrors } from '../../platform/validation.ts';
import { loadAddressIndex } from '../places/admin-units.loader.ts';
import { type AddressIndex, type Candidate, resolveAddress } from '../places/address.rules.ts';
import type { PlacesRepository } from '../places/places.repository.ts';
import { createAnnualReportRepository } from './annual-report.repository.ts';
import {
  type HeaderRow,
  isDataRow,
  matchHeaders,
  ORGANIZATION_COLUMNS,
  parseKind,
  parseOrganizationRow,
  type RowProblem,
} from './organization-sheet.rules.ts';
import { inputOf, type OrganizationValues, snapshot } from './organization-values.ts';
import { applyImportRows } from './organization-import-commit.ts';
import { createOrganizationRepository, type OrganizationRepository } from './organization.repository.ts';
import { isNearlySameName, taxCodeWarnings } from './organization.rules.ts';

export type PreparedRow = {
  rowNumber: number;
  action: 'create' | 'update' | 'unchanged' | 'error' | 'choose';
  targetId: string | null;
  /** The version of the organisation read at preview: a later change by someone else stops the commit. */
  targetVersion: number | null;
  label: string;
  values: OrganizationValues | null;
  provinceCode: string | null;
  figuresYear: number | null;
  figures: AnnualFigures | null;
  errors: RowProblem[];
  warnings: RowProblem[];
  changes: { field: string; before: unknown; after: unknown }[];
  candidates: Candidate[] | null;
  chosenCommuneCode: string | null;
  /** The row as read, kept so a choice of commune can be re-evaluated. */
  source: {
    values: Partial<Record<string, unknown>>;
    figures: AnnualFigures;
    figuresYear: number | null;
    parseErrors: RowProblem[];
    parseWarnings: RowProblem[];
  };
};

export type HeaderSummary = { rowNumber: number; columns: { header: string; field: string }[]; ignored: string[] };

const HEADER_SEARCH_ROWS = 30;
const BATCH = 500;

const noHeader = () =>
  new AppError(400, 'no_header', {
    vi: 'Không tìm thấy dòng tiêu đề: cần ít nhất cột "Tên tổ chức" (hoặc "Tên HTX") và một cột khác như "Mã số thuế", "Địa chỉ". Hãy tải mẫu để xem.',
    en: 'No header row found: a "Tên tổ chức" (name) column and one more such as "Mã số thuế" or "Địa chỉ" are needed. Download the template to see.',
  });

const problem = (column: string, vi: string, en: string): RowProblem => ({ column, message: { vi, en } });

function figureChanges(existing: AnnualReport | undefined, figures: AnnualFigures): { field: string; before: unknown; after: unknown }[] {
  return Object.entries(figures)
    .filter(([, value]) => value !== undefined && value !== null)
    .filter(([field, value]) => JSON.stringify(existing?.[field as keyof AnnualReport] ?? null) !== JSON.stringify(value))
    .map(([field, value]) => ({ field, before: existing?.[field as keyof AnnualReport] ?? null, after: value }));
}

type NameRow = { id: string; name: string; commune_code: string; tax_code: string | null };

/** Names kept through one preview: enough for the communes of several batches, not for a whole country. */
const NAMES_KEPT = 30_000;

/**
 * The live organisations' names by commune, read once for a preview and reused by its later
 * batches (a preview writes nothing, and a big file's rows come back to the same communes). The
 * communes used longest ago are forgotten beyond NAMES_KEPT names, so memory stays bounded.
 */
function createCommuneNames(repository: Pick<OrganizationRepository, 'findNames'>, scope: ReadScope) {
  const byCommune = new Map<string, NameRow[]>();
  let kept = 0;
  return {
    async read(communeCodes: string[]): Promise<NameRow[]> {
      const unread = communeCodes.filter((code) => !byCommune.has(code));
      const fresh = new Map<string, NameRow[]>(unread.map((code) => [code, []]));
      for (const row of await repository.findNames(scope, { communeCodes: unread })) {
        // A small object of its own, not the driver's row, which is several times the size.
        fresh.get(row.commune_code)?.push({ id: row.id, name: row.name, commune_code: row.commune_code, tax_code: row.tax_code });
      }
      const names = communeCodes.flatMap((code) => byCommune.get(code) ?? fresh.get(code) ?? []);
      for (const code of communeCodes) {
        // Used again: last to be forgotten.
        const rows = byCommune.get(code);
        if (rows) byCommune.delete(code);
        if (rows) byCommune.set(code, rows);
      }
      for (const [code, rows] of fresh) {
        byCommune.set(code, rows);
        kept += rows.length;
      }
      for (const [code, rows] of byCommune) {
        if (kept <= NAMES_KEPT) break;
        byCommune.delete(code);
        kept -= rows.length;
      }
      return names;
    },
  };
}

type CommuneNames = ReturnType<typeof createCommuneNames>;

export function createOrganizationImporter(deps: {
  db: Db;
  places: Pick<PlacesRepository, 'findAllUnits' | 'findCommuneProvinces'>;
  clock: Clock;
}) {
  const { db, clock } = deps;

  /** Decides one row against what the registry holds now. */
  function decide(
    actor: Actor,
    row: PreparedRow,
    context: {
      index: AddressIndex;
      communeProvinces: Map<string, string>;
      matches: Organization[];
      names: NameRow[];
      holders: Map<string, { id: string; name: string; provinceCode: string }>;
      reports: Map<string, AnnualReport>;
      seenTaxCodes: Map<string, number>;
    },
  ): PreparedRow {
    const { values: read, figures, figuresYear } = row.source;
    const errors = [...row.source.parseErrors];
    const warnings = [...row.source.parseWarnings];
    const decided: PreparedRow = {
      ...row,
      errors,
      warnings,
      changes: [],
      action: 'error',
      targetId: null,
      targetVersion: null,
      values: null,
      provinceCode: null,
      candidates: row.candidates,
    };
    const name = String(read.name ?? '');
    const taxCode = read.taxCode ? String(read.taxCode) : null;

    // Which organisation this row stands for, if any.
    const byId = read.id ? context.matches.find((organization) => organization.id === read.id) : undefined;
    const byTaxCode = taxCode ? context.matches.find((organization) => organization.taxCode === taxCode) : undefined;

    // Where it is: a chosen commune, a code, names of commune and province, or an address.
    let communeCode = row.chosenCommuneCode ?? (read.communeCode ? String(read.communeCode) : null);
    let addressLine: string | null | undefined = read.address === undefined ? undefined : null;
    const addressText = read.address
      ? String(read.address)
      : read.communeName
        ? [read.communeName, read.provinceName].filter(Boolean).join(', ')
        : null;
    if (!communeCode && addressText) {
      const resolution = resolveAddress(addressText, context.index, { provinceCode: actor.provinceCode ?? undefined });
      // An address without a street part says nothing about the street: keep the registry's.
      addressLine = resolution.addressLine ?? undefined;
      if (resolution.status === 'resolved') communeCode = resolution.communeCode;
      else if (resolution.status === 'choose' && (byId ?? byTaxCode)) {
        // The organisation is already registered: its commune answers the question.
        communeCode = (byId ?? byTaxCode)?.communeCode ?? null;
      } else if (resolution.status === 'choose') {
        decided.candidates = resolution.candidates;
        decided.action = 'choose';
        const reason = resolution.reason === 'split' ? 'đã được chia cho nhiều xã mới' : 'trùng tên ở nhiều nơi';
        warnings.push(
          problem(
            'Địa chỉ',
            `Xã trong địa chỉ ${reason}: hãy chọn xã, phường hiện nay`,
            "The commune in this address was split or is ambiguous: choose today's commune",
          ),
        );
      } else if (!byId && !byTaxCode) {
        errors.push(
          problem('Địa chỉ', `Không xác định được xã, phường từ "${addressText}"`, `Cannot tell the commune from "${addressText}"`),
        );
      }
    } else if (communeCode && read.address) {
      addressLine = resolveAddress(String(read.address), context.index).addressLine ?? undefined;
    }
    const sameName =
      !byId && !byTaxCode && communeCode
        ? context.matches.filter(
            (organization) =>
              !organization.taxCode &&
              organization.communeCode === communeCode &&
              foldVietnamese(organization.name) === foldVietnamese(name),
          )
        : [];
    // Two registered organisations of that name in the commune, neither with a tax code: which one is meant cannot be told.
    if (sameName.length > 1) {
      errors.push(
        problem(
          'Tên tổ chức',
          'Xã này có nhiều tổ chức cùng tên chưa có mã số thuế: hãy ghi mã số thuế',
          'Several organisations of this name in the commune have no tax code: add the tax code',
        ),
      );
    }
    const byName = sameName.length === 1 ? sameName[0] : undefined;
    const existing = byId ?? byTaxCode ?? byName;
    if (!communeCode && existing) communeCode = existing.communeCode;

    if (taxCode) {
      const firstRow = context.seenTaxCodes.get(taxCode);
      if (firstRow !== undefined && firstRow !== row.rowNumber)
        errors.push(
          problem(
            'Mã số thuế',
            `Mã số thuế ${taxCode} đã có ở dòng ${firstRow} của tệp`,
            `Tax code ${taxCode} already appears on row ${firstRow}`,
          ),
        );
      else context.seenTaxCodes.set(taxCode, row.rowNumber);
      const holder = context.holders.get(taxCode);
      if (holder && holder.id !== existing?.id)
        errors.push(
          problem(
            'Mã số thuế',
            `Mã số thuế ${taxCode} đã thuộc về "${holder.name}"`,
            `Tax code ${taxCode} already belongs to "${holder.name}"`,
          ),
        );
      warnings.push(...taxCodeWarnings(taxCode).map((warning) => ({ column: 'Mã số thuế', message: warning.message })));
    }
    if (decided.action === 'choose' && !communeCode) return decided;

    const provinceCode = communeCode ? context.communeProvinces.get(communeCode) : undefined;
    if (communeCode && !provinceCode)
      errors.push(problem('Mã xã', `Không có xã, phường mã ${communeCode}`, `No commune has code ${communeCode}`));
    if (provinceCode && !isInProvince(actor, provinceCode))
      errors.push(problem('Địa chỉ', 'Tổ chức ở ngoài tỉnh của bạn', 'The organisation is outside your province'));

    const present = Object.fromEntries(
      Object.entries({
        name: read.name,
        // Lists without a kind column say it in the name: "HTX …", "THT …", "Công ty …".
        kind: read.kind ?? (existing ? undefined : parseKind(null, name)),
        taxCode: read.taxCode,
        registeredOn: read.registeredOn,
        registrationAuthority: read.registrationAuthority,
        communeCode: communeCode ?? undefined,
        addressLine: addressLine === undefined ? undefined : addressLine,
        addressAsImported: addressText && !read.communeCode ? addressText : undefined,
        status: read.status,
        sector: read.sector,
        isNewModel: read.isNewModel,
        charterCapital: read.charterCapital,
        legalRepresentative: read.legalRepresentative,
        chairName: read.chairName,
        directorName: read.directorName,
        controllerName: read.controllerName,
        phone: read.phone,
        email: read.email,
        website: read.website,
        notes: read.notes,
      }).filter(([, value]) => value !== undefined && value !== null),
    );
    if (!existing && present.sector === undefined) {
      present.sector = 'other';
      warnings.push(problem('Ngành chính', 'Không có ngành chính, ghi là Khác', 'No main sector; recorded as Other'));
    }
    // Blank cells leave what the registry holds: a list with fewer columns never erases data.
    const merged = organizationInputSchema.safeParse(existing ? { ...inputOf(existing), ...present } : (present as OrganizationInput));
    if (!merged.success) {
      for (const fieldError of toFieldErrors(merged.error.issues)) {
        const column = ORGANIZATION_COLUMNS.find((definition) => definition.key === fieldError.field)?.header ?? fieldError.field;
        errors.push({ column, message: fieldError.message });
      }
    }
    if (!existing && merged.success) {
      const similar = context.matches.find(
        (organization) =>
          organization.communeCode === communeCode && organization.taxCode !== taxCode && isNearlySameName(organization.name, name),
      );
      if (similar)
        warnings.push(
          problem('Tên tổ chức', `Có thể trùng với "${similar.name}" cùng xã`, `May duplicate "${similar.name}" in the same commune`),
        );
    }
    if (errors.length > 0 || !merged.success || !provinceCode) return { ...decided, errors, warnings, action: 'error' };

    const values = merged.data;
    const report = existing && figuresYear ? context.reports.get(existing.id) : undefined;
    const changes = [
      ...(existing ? diffSnapshots(snapshot(existing), { ...snapshot(existing), ...values, provinceCode }) : []),
      ...(figuresYear ? figureChanges(report, figures).map((change) => ({ ...change, field: `${change.field} (${figuresYear})` })) : []),
    ];
    return {
      ...decided,
      action: existing ? (changes.length > 0 ? 'update' : 'unchanged') : 'create',
      targetId: existing?.id ?? null,
      targetVersion: existing?.version ?? null,
      values,
      provinceCode,
      figuresYear,
      figures: figuresYear ? figures : null,
      changes,
    };
  }

  /**
   * What the registry holds for a batch of rows: organisations named by id or tax code, and —
   * only for rows that have neither — those of the same commune, for matching by name and for
   * warning about near-duplicates.
   */
  async function loadContext(
    actor: Actor,
    rows: PreparedRow[],
    year: number | null,
    index: AddressIndex,
    communeProvinces: Map<string, string>,
    seenTaxCodes: Map<string, number>,
    communeNames: CommuneNames,
  ) {
    const repository = createOrganizationRepository(db);
    const scope = scopeOf(actor);
    const ids = rows.map((row) => row.source.values.id).filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
    const taxCodes = rows.map((row) => row.source.values.taxCode).filter((code): code is string => typeof code === 'string' && code !== '');
    const identified = await repository.findForMatching(scope, { ids, taxCodes, communeCodes: [] });
    const known = new Set(identified.flatMap((organization) => [organization.id, organization.taxCode]));
    const communeCodes = new Set<string>();
    for (const row of rows) {
      const { id, taxCode } = row.source.values;
      if (known.has(String(id)) || known.has(String(taxCode))) continue;
      const code = row.chosenCommuneCode ?? row.source.values.communeCode;
      if (typeof code === 'string') communeCodes.add(code);
      const text = row.source.values.address ?? row.source.values.communeName;
      if (typeof text === 'string') {
        const resolution = resolveAddress(text, index, { provinceCode: actor.provinceCode ?? undefined });
        if (resolution.status === 'resolved') communeCodes.add(resolution.communeCode);
      }
    }
    // Only names for the rest: enough to match a same-named organisation without a tax code, and to warn of near-duplicates.
    const names = await communeNames.read([...communeCodes]);
    const wanted = new Set(rows.map((row) => foldVietnamese(String(row.source.values.name ?? ''))));
    const sameNameIds = names.filter((other) => !other.tax_code && wanted.has(foldVietnamese(other.name))).map((other) => other.id);
    const matches = [...identified, ...(await repository.findForMatching(scope, { ids: sameNameIds, taxCodes: [], communeCodes: [] }))];
    const holders = new Map((await repository.findTaxCodeHolders(taxCodes)).map((holder) => [holder.taxCode, holder]));
    const reports = new Map<string, AnnualReport>();
    if (year) {
      for (const report of await createAnnualReportRepository(db).findReportsOfYear(
        matches.map((organization) => organization.id),
        year,
      )) {
        reports.set(report.organizationId, report);
      }
    }
    return { index, communeProvinces, matches, names, holders, reports, seenTaxCodes };
  }

  return {
    /**
     * Reads the sheet, finds its header, and decides every row. Rows are handed to `onRows` in
     * batches so that a 200,000-row file never sits in memory whole.
     */
    async prepareRows(
      actor: Actor,
      sheetRows: AsyncIterable<SheetRow>,
      options: { defaultYear: number; onRows: (rows: PreparedRow[]) => Promise<void>; onProgress: (rowsRead: number) => Promise<void> },
    ): Promise<HeaderSummary> {
      const index = await loadAddressIndex(deps.places);
      const communeProvinces = await deps.places.findCommuneProvinces();
      const seenTaxCodes = new Map<string, number>();
      const communeNames = createCommuneNames(createOrganizationRepository(db), scopeOf(actor));
      let header: HeaderRow | undefined;
      let batch: PreparedRow[] = [];
      let rowsRead = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const year = batch.find((row) => row.source.figuresYear)?.source.figuresYear ?? null;
        const context = await loadContext(actor, batch, year, index, communeProvinces, seenTaxCodes, communeNames);
        await options.onRows(batch.map((row) => decide(actor, row, context)));
        batch = [];
        await options.onProgress(rowsRead);
      };
      for await (const sheetRow of sheetRows) {
        rowsRead += 1;
        if (!header) {
          header = matchHeaders(sheetRow.cells, sheetRow.rowNumber);
          if (!header && sheetRow.rowNumber >= HEADER_SEARCH_ROWS) throw noHeader();
          continue;
        }
        if (!isDataRow(sheetRow.cells, header)) continue;
        const parsed = parseOrganizationRow(sheetRow.cells, header, sheetRow.formulaColumns, options.defaultYear);
        batch.push({
          rowNumber: sheetRow.rowNumber,
          action: 'error',
          targetId: null,
          targetVersion: null,
          label: String(parsed.values.name ?? ''),
          values: null,
          provinceCode: null,
          figuresYear: null,
          figures: null,
          errors: [],
          warnings: [],
          changes: [],
          candidates: null,
          chosenCommuneCode: null,
          source: {
            values: parsed.values,
            figures: parsed.figures,
            figuresYear: parsed.figuresYear ?? null,
            parseErrors: parsed.errors,
            parseWarnings: parsed.warnings,
          },
        });
        if (batch.length >= BATCH) await flush();
      }
      if (!header) throw noHeader();
      await flush();
      return {
        rowNumber: header.rowNumber,
        columns: header.columns.map((match) => ({ header: match.header, field: match.key })),
        ignored: header.unknownHeaders,
      };
    },

    /** Decides a row again after the user chose its commune. */
    async reconsiderRow(actor: Actor, row: PreparedRow, communeCode: string, otherTaxCodes: Map<string, number>): Promise<PreparedRow> {
      const index = await loadAddressIndex(deps.places);
      const communeProvinces = await deps.places.findCommuneProvinces();
      const chosen = { ...row, chosenCommuneCode: communeCode };
      const context = await loadContext(
        actor,
        [chosen],
        row.source.figuresYear,
        index,
        communeProvinces,
        otherTaxCodes,
        createCommuneNames(createOrganizationRepository(db), scopeOf(actor)),
      );
      return decide(actor, chosen, context);
    },

    /** See `applyImportRows`: the decided rows, written all or none. */
    applyRows: (
      actor: Actor,
      batches: { read: (trx: Db) => AsyncIterable<PreparedRow[]>; creates: number },
      rubrics: ClassificationRubric[],
      onProgress: (done: number) => void,
    ) => applyImportRows({ db, clock }, actor, batches, rubrics, onProgress),
  };
}

export type OrganizationImporter = ReturnType<typeof createOrganizationImporter>;
