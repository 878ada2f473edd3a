import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../contracts/common.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from './access.ts';
import { newId } from './ids.ts';

type Change = { field: string; before: unknown; after: unknown };
type Snapshot = Record<string, unknown>;

/** Fields that change on every save and say nothing to a reader of the history. */
const HOUSEKEEPING = new Set(['version', 'updatedAt', 'createdAt', 'searchText', 'sortKey']);

export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): Change[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Change[] = [];
  for (const field of fields) {
    if (HOUSEKEEPING.has(field)) continue;
    const previous = before?.[field] ?? null;
    const next = after?.[field] ?? null;
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes.push({ field, before: previous, after: next });
  }
  return changes;
}

export type AuditRecord = {
  actor: Actor;
  entityType: string;
  entityId: string;
  action: AuditEntry['action'];
  before: Snapshot | null;
  after: Snapshot | null;
  at: string;
};

const toAuditRow = (record: AuditRecord) => ({
  id: newId(),
  at: record.at,
  actor_user_id: record.actor.userId,
  actor_name: record.actor.displayName,
  entity_type: record.entityType,
  entity_id: record.entityId,
  action: record.action,
  changes: JSON.stringify(diffSnapshots(record.before, record.after)),
});

/** Writes one history row; call it inside the transaction that makes the change. */
export async function writeAudit(db: Kysely<Database>, record: AuditRecord): Promise<void> {
  await db.insertInto('audit_log').values(toAuditRow(record)).execute();
}

/** Many history rows at once, for bulk creation; same transaction rule. */
export async function writeAudits(db: Kysely<Database>, records: AuditRecord[], batchSize: number): Promise<void> {
  for (let start = 0; start < records.length; start += batchSize) {
    await db
      .insertInto('audit_log')
      .values(records.slice(start, start + batchSize).map(toAuditRow))
      .execute();
  }
}

/** The history of one entity, or of several read as one (an organisation and those merged into it). */
export async function findAuditEntries(db: Kysely<Database>, entityType: string, entityId: string | string[]): Promise<AuditEntry[]> {
  const ids = Array.isArray(entityId) ? entityId : [entityId];
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'action', 'actor_name', 'changes'])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    actorName: row.actor_name,
    changes: JSON.parse(row.changes) as Change[],
  }));
}

/**
 * Replaces the values of the named fields in an entity's history (erasure on request): the rows
 * still say who changed which field and when, but no longer what it held. Same transaction rule.
 */
export async function redactAuditValues(
  db: Kysely<Database>,
  entityType: string,
  entityId: string,
  fields: readonly string[],
  replacement: string,
): Promise<void> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'changes'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute();
  const redact = (value: unknown) => (value === null || value === undefined ? null : replacement);
  for (const row of rows) {
    const changes = JSON.parse(row.changes) as Change[];
    if (!changes.some((change) => fields.includes(change.field))) continue;
    const redacted = changes.map((change) =>
      fields.includes(change.field) ? { field: change.field, before: redact(change.before), after: redact(change.after) } : change,
    );
    await db
      .updateTable('audit_log')
      .set({ changes: JSON.stringify(redacted) })
      .where('id', '=', row.id)
      .execute();
  }
}
