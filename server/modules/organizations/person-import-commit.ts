import { type Db, inTransaction } from '../../db/database.ts';
import { type Actor, scopeOf } from '../../platform/access.ts';
import { type AuditRecord, writeAudits } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { toSortKey } from '../../platform/search-text.ts';
import type { PreparedPersonRow } from './person-import.service.ts';
import { createPersonRepository, type PersonRecord } from './person.repository.ts';
import { toPersonSearchText } from './person.rules.ts';
import { personSnapshot, positionSnapshot } from './person.service.ts';

const staleImport = () =>
  new AppError(409, 'stale_import', {
    vi: 'Dữ liệu đã thay đổi kể từ lúc xem trước (có người vừa sửa người hoặc chức danh trong danh sách). Không có gì được ghi; hãy xem trước lại tệp.',
    en: 'People or positions changed since the preview. Nothing was written; preview the file again.',
  });

/**
 * Writes the decided rows of a people import in one transaction: all of them, or — on any
 * conflict with a change made since the preview — none.
 */
export async function applyPersonImportRows(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  readBatches: (trx: Db) => AsyncIterable<PreparedPersonRow[]>,
  onProgress: (done: number) => void,
): Promise<{ created: number; updated: number }> {
  const now = instantOf(deps.clock);
  return inTransaction(deps.db, async (trx) => {
    const people = createPersonRepository(trx);
    const scope = scopeOf(actor);
    /** Rows, as the preview counted them: a row that adds a position is a created row. */
    const totals = { created: 0, updated: 0, done: 0 };
    /** New people by the key the preview gave them, so later rows of the file find the same one. */
    const createdPeople = new Map<string, string>();
    /** A person changed by an earlier row carries a newer version than the preview read. */
    const savedVersions = new Map<string, number>();
    for await (const rows of readBatches(trx)) {
      const audits: AuditRecord[] = [];
      for (const row of rows) {
        totals.done += 1;
        const { person, position } = row;
        if (!person) continue;
        let personId = person.id ?? createdPeople.get(person.key);
        if (!personId) {
          personId = newId();
          createdPeople.set(person.key, personId);
          const record: PersonRecord = {
            id: personId,
            fullName: person.fullName,
            gender: person.fields.gender ?? null,
            birthYear: person.fields.birthYear ?? null,
            phone: person.fields.phone ?? null,
            email: person.fields.email ?? null,
            notes: person.fields.notes ?? null,
            provinceCode: person.provinceCode,
            erasedAt: null,
            createdAt: now,
            updatedAt: now,
            version: 1,
          };
          await people.insertPerson({
            id: personId,
            full_name: record.fullName,
            gender: record.gender,
            birth_year: record.birthYear,
            phone: record.phone,
            email: record.email,
            notes: record.notes,
            province_code: record.provinceCode,
            search_text: toPersonSearchText(record.fullName, record.phone),
            sort_key: toSortKey(record.fullName),
            erased_at: null,
            created_at: now,
            updated_at: now,
            version: 1,
          });
          audits.push({
            actor,
            entityType: 'person',
            entityId: personId,
            action: 'create',
            before: null,
            after: personSnapshot(record),
            at: now,
          });
        } else if (person.id && person.changedFields.length > 0) {
          const current = await people.findPersonById(scope, person.id);
          const expected = savedVersions.get(person.id) ?? person.version;
          if (!current || current.version !== expected || current.erasedAt) throw staleImport();
          const next = { ...current, ...person.fields, updatedAt: now };
          const saved = await people.updatePerson(person.id, current.version, {
            full_name: next.fullName,
            sort_key: toSortKey(next.fullName),
            gender: next.gender,
            birth_year: next.birthYear,
            phone: next.phone,
            email: next.email,
            notes: next.notes,
            search_text: toPersonSearchText(next.fullName, next.phone),
            updated_at: now,
          });
          if (!saved) throw staleImport();
          savedVersions.set(person.id, current.version + 1);
          audits.push({
            actor,
            entityType: 'person',
            entityId: person.id,
            action: 'update',
            before: personSnapshot(current),
            after: personSnapshot(next),
            at: now,
          });
        }

        // A row without a position changes only the person.
        if (position && !position.id) {
          const id = newId();
          await people.insertPosition({
            id,
            person_id: personId,
            organization_id: position.organizationId,
            position: position.position,
            started_on: position.startedOn,
            ended_on: position.endedOn,
            created_at: now,
            updated_at: now,
            version: 1,
          });
          const { startedOn, endedOn } = position;
          const after = { personId, organizationId: position.organizationId, position: position.position, startedOn, endedOn };
          audits.push({ actor, entityType: 'organization_position', entityId: id, action: 'create', before: null, after, at: now });
        } else if (
          position?.id &&
          position.version !== null &&
          row.changes.some((change) => change.field === 'startedOn' || change.field === 'endedOn')
        ) {
          const [current] = await people.findPositions(scope, { id: position.id });
          if (!current || current.version !== position.version) throw staleImport();
          if (
            !(await people.updatePosition(position.id, position.version, {
              started_on: position.startedOn,
              ended_on: position.endedOn,
              updated_at: now,
            }))
          ) {
            throw staleImport();
          }
          audits.push({
            actor,
            entityType: 'organization_position',
            entityId: position.id,
            action: 'update',
            before: positionSnapshot(current),
            after: positionSnapshot({ ...current, startedOn: position.startedOn, endedOn: position.endedOn }),
            at: now,
          });
        }
        if (row.action === 'create') totals.created += 1;
        else if (row.action === 'update') totals.updated += 1;
      }
      await writeAudits(trx, audits, 500);
      onProgress(totals.done);
    }
    return { created: totals.created, updated: totals.updated };
  });
}
