/**
 * Importing lists of people and the positions they hold ("danh sách cán bộ chủ chốt"): each row
 * names a person, a position and the organisation (by system id, tax code or exact name); it is
 * matched to someone already on record there — by name, and phone where given — and decided
 * (create / update / unchanged / error). Blank cells never erase. Nothing is written until
 * `applyRows`, which writes every row in one transaction or none.
 */
import type { Gender, Position } from '../../../contracts/people.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, scopeOf } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { foldVietnamese, toSearchText } from '../../platform/search-text.ts';
import type { SheetRow } from '../../platform/sheets/sheet-reader.ts';
import type { HeaderSummary } from './organization-import.service.ts';
import type { RowProblem } from './organization-sheet.rules.ts';
import { createOrganizationRepository } from './organization.repository.ts';
import { canSavePosition } from './person.policy.ts';
import { createPersonRepository, type PersonRecord, type PositionRecord } from './person.repository.ts';
import { applyPersonImportRows } from './person-import-commit.ts';
import { calendarDateInVietnam, periodsOverlap, phoneSearchForms } from './person.rules.ts';
import {
  isPersonDataRow,
  matchPersonHeaders,
  type ParsedPersonRow,
  parsePersonRow,
  POSITION_LABELS,
  type PersonHeaderRow,
} from './person-sheet.rules.ts';

/** The person fields an import may fill; blank cells leave the record as it is. */
export type ImportedPersonFields = {
  /** Only from a row naming the person by id: a corrected spelling. */
  fullName?: string;
  gender?: Gender | null;
  birthYear?: number | null;
  phone?: string | null;
  email?: string | null;
  notes?: string | null;
};

export type PreparedPersonRow = {
  rowNumber: number;
  action: 'create' | 'update' | 'unchanged' | 'error';
  /** The person the row stands for, once known. */
  targetId: string | null;
  label: string;
  errors: RowProblem[];
  warnings: RowProblem[];
  changes: { field: string; before: unknown; after: unknown }[];
  candidates: null;
  chosenCommuneCode: null;
  person: {
    /** null: a new person, created by this row or — `createdByRow` — by an earlier row of the file. */
    id: string | null;
    /** The version read at preview: a later change by someone else stops the commit. */
    version: number | null;
    key: string;
    createdByRow: number | null;
    fullName: string;
    provinceCode: string;
    fields: ImportedPersonFields;
    changedFields: (keyof ImportedPersonFields)[];
  } | null;
  position: {
    id: string | null;
    version: number | null;
    organizationId: string;
    position: Position;
    startedOn: string | null;
    endedOn: string | null;
  } | null;
};

const HEADER_SEARCH_ROWS = 30;
const BATCH = 500;

const noHeader = () =>
  new AppError(400, 'no_header', {
    vi: 'Không tìm thấy dòng tiêu đề: cần các cột "Họ và tên", "Chức danh" và "Mã số thuế" hoặc "Tên tổ chức". Hãy tải mẫu để xem.',
    en: 'No header row found: the columns "Họ và tên" (name), "Chức danh" (position) and "Mã số thuế" (tax code) or "Tên tổ chức" (organisation) are needed. Download the template to see.',
  });

const problem = (column: string, vi: string, en: string): RowProblem => ({ column, message: { vi, en } });
const sameName = (a: string, b: string) => foldVietnamese(a) === foldVietnamese(b);
/** "HTX Đồng Tâm" and "Hợp tác xã Đồng Tâm" are one name. */
const organizationNameKey = (name: string) => toSearchText(name);
const phoneDigits = (phone: string | null | undefined) => phoneSearchForms(phone).at(-1) ?? '';

type OrganizationRef = { id: string; name: string; provinceCode: string; taxCode: string | null };

/** What the registry holds that a batch of rows refers to. */
type BatchContext = {
  organizations: { byId: Map<string, OrganizationRef>; byTaxCode: Map<string, OrganizationRef>; byName: Map<string, OrganizationRef[]> };
  peopleOf: Map<string, { people: PersonRecord[]; positions: PositionRecord[] }>;
  /** People named by their system id, with the positions the scope sees. */
  peopleById: Map<string, { person: PersonRecord; positions: PositionRecord[] }>;
  namesakesWithPhone: PersonRecord[];
};

/** Across the whole file: new people already met, and positions already claimed by an earlier row. */
type FileMemory = { newPeople: Map<string, number>; positions: Map<string, number> };

export function createPersonImporter(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The organisation a row names: its system id, its tax code, or its exact name. */
  function findOrganization(values: ParsedPersonRow['values'], context: BatchContext, errors: RowProblem[]): OrganizationRef | undefined {
    const id = values.organizationId ? String(values.organizationId) : '';
    const taxCode = values.taxCode ? String(values.taxCode) : '';
    const name = values.organizationName ? String(values.organizationName) : '';
    let organization = id ? context.organizations.byId.get(id) : undefined;
    if (!organization && taxCode) organization = context.organizations.byTaxCode.get(taxCode);
    if (!organization && !taxCode && name) {
      const named = context.organizations.byName.get(organizationNameKey(name)) ?? [];
      if (named.length > 1) {
        errors.push(
          problem(
            'Tên tổ chức',
            `Có ${named.length} tổ chức tên "${name}": hãy ghi mã số thuế`,
            `${named.length} organisations are named "${name}": give the tax code`,
          ),
        );
        return undefined;
      }
      organization = named[0];
    }
    if (!organization) {
      errors.push(
        problem(
          taxCode ? 'Mã số thuế' : 'Tên tổ chức',
          `Không tìm thấy tổ chức "${taxCode || name || id}" trong sổ đăng ký (hãy nhập danh sách tổ chức trước)`,
          `No organisation "${taxCode || name || id}" in the registry (import the organisations first)`,
        ),
      );
    }
    return organization;
  }

  function decide(
    actor: Actor,
    parsed: ParsedPersonRow & { rowNumber: number },
    context: BatchContext,
    memory: FileMemory,
  ): PreparedPersonRow {
    const { values } = parsed;
    const fullName = String(values.fullName ?? '').trim();
    const organizationText = String(values.organizationName ?? values.taxCode ?? '');
    const positionLabel = values.position ? POSITION_LABELS[values.position as Position] : '';
    const errors = [...parsed.errors];
    const row: PreparedPersonRow = {
      rowNumber: parsed.rowNumber,
      action: 'error',
      targetId: null,
      label: [fullName, positionLabel, organizationText].filter(Boolean).join(' — ').slice(0, 300),
      errors,
      warnings: [],
      changes: [],
      candidates: null,
      chosenCommuneCode: null,
      person: null,
      position: null,
    };
    if (fullName.length < 2) errors.push(problem('Họ và tên', 'Thiếu họ và tên', 'The name is missing'));

    // A row of our own export names the person by id; a row of it without a position changes only the person.
    const personId = values.personId ? String(values.personId) : '';
    const named = personId ? context.peopleById.get(personId) : undefined;
    if (personId && !named) errors.push(problem('Mã hệ thống người', 'Không tìm thấy người có mã này', 'No person with this id'));
    const namesOrganization = Boolean(values.organizationId || values.taxCode || values.organizationName);
    if (!namesOrganization && !personId) errors.push(problem('Tên tổ chức', 'Thiếu tổ chức', 'The organisation is missing'));
    if (namesOrganization && !values.position && !parsed.errors.some((item) => /chức/i.test(item.column))) {
      errors.push(problem('Chức danh', 'Thiếu chức danh', 'The position is missing'));
    }
    const organization = namesOrganization ? findOrganization(values, context, errors) : undefined;
    if (organization && !canSavePosition(actor, organization)) {
      errors.push(
        problem('Tên tổ chức', `"${organization.name}" không thuộc tỉnh của bạn`, `"${organization.name}" is not in your province`),
      );
    }
    if (errors.length > 0) return row;

    // What the row says of the person; blank cells say nothing. A name is changed only through the id.
    const fields: ImportedPersonFields = {};
    for (const field of ['gender', 'birthYear', 'phone', 'email', 'notes'] as const) {
      if (values[field] !== undefined && values[field] !== null) (fields as Record<string, unknown>)[field] = values[field];
    }
    if (named) fields.fullName = fullName;

    // The person: the one named by id; or someone with this name who holds or held a position
    // there; or — phone given — someone of that name and phone the province keeps; else a new person.
    const digits = phoneDigits(fields.phone);
    const known = organization ? (context.peopleOf.get(organization.id) ?? { people: [], positions: [] }) : { people: [], positions: [] };
    const namesakes = known.people.filter((person) => !person.erasedAt && sameName(person.fullName, fullName));
    const existing =
      named?.person ??
      namesakes.find((person) => digits !== '' && phoneDigits(person.phone) === digits) ??
      namesakes.find((person) => digits === '' || !person.phone) ??
      (digits
        ? context.namesakesWithPhone.find((person) => sameName(person.fullName, fullName) && phoneDigits(person.phone) === digits)
        : undefined);
    if (existing?.erasedAt) {
      errors.push(problem('Họ và tên', 'Hồ sơ người này đã được xóa theo yêu cầu', 'This person’s record was erased on request'));
      return row;
    }
    const key = existing
      ? `id:${existing.id}`
      : `new:${foldVietnamese(fullName)}|${digits ? `tel:${digits}` : `org:${organization?.id ?? ''}`}`;
    const createdByRow = existing ? null : (memory.newPeople.get(key) ?? null);
    if (!existing && createdByRow === null) memory.newPeople.set(key, row.rowNumber);
    const changedFields = existing
      ? (Object.keys(fields) as (keyof ImportedPersonFields)[]).filter((field) => (existing[field] ?? null) !== fields[field])
      : [];
    row.changes.push(...changedFields.map((field) => ({ field, before: existing?.[field] ?? null, after: fields[field] })));
    const person = {
      id: existing?.id ?? null,
      version: existing?.version ?? null,
      key,
      createdByRow,
      fullName: existing?.fullName ?? fullName,
      provinceCode: existing?.provinceCode ?? organization?.provinceCode ?? actor.provinceCode ?? '',
      fields,
      changedFields,
    };
    if (!organization || !values.position) {
      return { ...row, action: row.changes.length > 0 ? 'update' : 'unchanged', targetId: existing?.id ?? null, person };
    }

    const decided = decidePosition(
      { existing, organizationId: organization.id, values, rowNumber: row.rowNumber, key, positionLabel },
      [...(named?.positions ?? []), ...known.positions],
      errors,
      memory,
    );
    if (!decided) return row;
    row.changes.push(...decided.changes);
    const isNew = !existing || decided.id === null;
    return {
      ...row,
      action: isNew ? 'create' : row.changes.length > 0 ? 'update' : 'unchanged',
      targetId: existing?.id ?? null,
      person,
      position: {
        id: decided.id,
        version: decided.version,
        organizationId: organization.id,
        position: values.position as Position,
        ...decided.period,
      },
    };
  }

  /** The same position already recorded (same start, or an open one when no start is given), or a new one that does not overlap. */
  function decidePosition(
    row: {
      existing: PersonRecord | undefined;
      organizationId: string;
      values: ParsedPersonRow['values'];
      rowNumber: number;
      key: string;
      positionLabel: string;
    },
    knownPositions: PositionRecord[],
    errors: RowProblem[],
    memory: FileMemory,
  ) {
    const { existing, organizationId, values, key, positionLabel } = row;
    const period = {
      startedOn: (values.startedOn as string | null | undefined) ?? null,
      endedOn: (values.endedOn as string | null | undefined) ?? null,
    };
    const held = knownPositions.filter(
      (position) =>
        position.personId === existing?.id && position.organizationId === organizationId && position.position === values.position,
    );
    const same = held.find(
      (position) => position.startedOn === period.startedOn || (period.startedOn === null && position.endedOn === null),
    );
    const positionKey = `${key}|${organizationId}|${values.position}|${period.startedOn ?? same?.id ?? ''}`;
    const claimedBy = memory.positions.get(positionKey);
    if (claimedBy !== undefined) {
      errors.push(problem('Chức danh', `Trùng với dòng ${claimedBy}`, `Repeats row ${claimedBy}`));
      return undefined;
    }
    memory.positions.set(positionKey, row.rowNumber);
    if (!same) {
      const clash = held.find((position) => periodsOverlap(position, period));
      if (clash) {
        errors.push(
          problem(
            'Từ ngày',
            `Người này đã giữ chức danh ${positionLabel} ở đây trong thời gian trùng (${clash.startedOn ?? '…'} – ${clash.endedOn ?? 'nay'})`,
            'This person already holds that position here in an overlapping period',
          ),
        );
        return undefined;
      }
      return { id: null, version: null, period, changes: [] };
    }
    const next = { startedOn: period.startedOn ?? same.startedOn, endedOn: period.endedOn ?? same.endedOn };
    if (next.endedOn && next.startedOn && next.endedOn < next.startedOn) {
      errors.push(problem('Đến ngày', 'Đến ngày trước ngày bắt đầu đã ghi', 'The end is before the recorded start'));
      return undefined;
    }
    const changes = (['startedOn', 'endedOn'] as const)
      .filter((field) => next[field] !== same[field])
      .map((field) => ({ field, before: same[field], after: next[field] }));
    return { id: same.id, version: same.version, period: next, changes };
  }

  async function loadContext(actor: Actor, rows: ParsedPersonRow[]): Promise<BatchContext> {
    const scope = scopeOf(actor);
    const organizations = createOrganizationRepository(db);
    const people = createPersonRepository(db);
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
    const ids = rows.map((row) => text(row.values.organizationId)).filter((id): id is string => !!id && /^[0-9a-f-]{36}$/i.test(id));
    const taxCodes = rows.map((row) => text(row.values.taxCode)).filter((code): code is string => !!code);
    const found: OrganizationRef[] = (await organizations.findForMatching(scope, { ids, taxCodes, communeCodes: [] })).map(
      (organization) => ({
        id: organization.id,
        name: organization.name,
        provinceCode: organization.provinceCode,
        taxCode: organization.taxCode,
      }),
    );
    const byName = new Map<string, OrganizationRef[]>();
    if (rows.some((row) => !text(row.values.organizationId) && !text(row.values.taxCode) && text(row.values.organizationName))) {
      // Names only where a row gives nothing better; the province's list of names is small.
      for (const named of await organizations.findNames(scope, {})) {
        const ref = { id: named.id, name: named.name, provinceCode: named.province_code, taxCode: named.tax_code };
        const folded = organizationNameKey(named.name);
        byName.set(folded, [...(byName.get(folded) ?? []), ref]);
      }
    }
    const context: BatchContext = {
      organizations: {
        byId: new Map(found.map((ref) => [ref.id, ref])),
        byTaxCode: new Map(found.filter((ref) => ref.taxCode).map((ref) => [ref.taxCode ?? '', ref])),
        byName,
      },
      peopleOf: new Map(),
      peopleById: new Map(),
      namesakesWithPhone: [],
    };
    const personIds = rows.map((row) => text(row.values.personId)).filter((id): id is string => !!id && /^[0-9a-f-]{36}$/i.test(id));
    if (personIds.length > 0) {
      const positions = await people.findPositions(scope, { personIds });
      for (const person of await people.findPeopleByIds(scope, personIds)) {
        context.peopleById.set(person.id, { person, positions: positions.filter((position) => position.personId === person.id) });
      }
    }
    const organizationIds = new Set([...found, ...[...byName.values()].flat()].map((ref) => ref.id));
    for (const organizationId of organizationIds) {
      const positions = await people.findPositions(scope, { organizationId });
      const holders = await people.findPeopleByIds(scope, [...new Set(positions.map((position) => position.personId))]);
      // Every position those people hold here (the scope's), for matching and overlap checks.
      context.peopleOf.set(organizationId, { people: holders, positions });
    }
    const today = calendarDateInVietnam(clock.now());
    for (const row of rows) {
      const fullName = text(row.values.fullName);
      if (!fullName || !text(row.values.phone)) continue;
      const { people: namesakes } = await people.findPeople(scope, { q: fullName, page: 1, pageSize: 50, today });
      context.namesakesWithPhone.push(...namesakes);
    }
    return context;
  }

  return {
    /** Reads the sheet, finds its header, and decides every row, handing them to `onRows` in batches. */
    async prepareRows(
      actor: Actor,
      sheetRows: AsyncIterable<SheetRow>,
      options: { onRows: (rows: PreparedPersonRow[]) => Promise<void>; onProgress: (rowsRead: number) => Promise<void> },
    ): Promise<HeaderSummary> {
      const thisYear = Number(calendarDateInVietnam(clock.now()).slice(0, 4));
      const memory: FileMemory = { newPeople: new Map(), positions: new Map() };
      let header: PersonHeaderRow | undefined;
      let batch: (ParsedPersonRow & { rowNumber: number })[] = [];
      let rowsRead = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const context = await loadContext(actor, batch);
        await options.onRows(batch.map((row) => decide(actor, row, context, memory)));
        batch = [];
        await options.onProgress(rowsRead);
      };
      for await (const sheetRow of sheetRows) {
        rowsRead += 1;
        if (!header) {
          header = matchPersonHeaders(sheetRow.cells, sheetRow.rowNumber);
          if (!header && sheetRow.rowNumber >= HEADER_SEARCH_ROWS) throw noHeader();
          continue;
        }
        if (!isPersonDataRow(sheetRow.cells, header)) continue;
        batch.push({ ...parsePersonRow(sheetRow.cells, header, sheetRow.formulaColumns, thisYear), rowNumber: sheetRow.rowNumber });
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

    /** See `applyPersonImportRows`: the decided rows, written all or none. */
    applyRows: (actor: Actor, readBatches: (trx: Db) => AsyncIterable<PreparedPersonRow[]>, onProgress: (done: number) => void) =>
      applyPersonImportRows({ db, clock }, actor, readBatches, onProgress),
  };
}

export type PersonImporter = ReturnType<typeof createPersonImporter>;
