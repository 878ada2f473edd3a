import type {
  AdvisoryActivity,
  AdvisoryAttachment,
  AdvisoryCase,
  AdvisoryCaseSummary,
  AdvisoryKind,
  FoundingKind,
} from '../../../contracts/advisory.ts';
import type { Sector } from '../../../contracts/organizations.ts';
import type { Actor } from '../../platform/access.ts';
import type { CaseRecord, NewCaseRow } from './advisory-case.repository.ts';
import { canSeeCaseContact } from './advisory.policy.ts';
import { caseSearchText, isOverdue, nextStagesOf } from './advisory.rules.ts';

/** The fields of a case a user edits, after validation. */
export type CaseValues = {
  kind: AdvisoryKind;
  title: string;
  description: string | null;
  openedOn: string;
  dueOn: string;
  assignedOfficerId: string;
  organizationId: string | null;
  communeCode: string;
  groupName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  intendedKind: FoundingKind | null;
  intendedSector: Sector | null;
  foundingMembers: number | null;
};

/** Row columns for a case's editable fields; the search text follows from them. */
export function toCaseColumns(
  values: CaseValues,
  place: { provinceCode: string; organizationName: string | null },
): Omit<NewCaseRow, 'id' | 'stage' | 'created_at' | 'updated_at' | 'version'> {
  return {
    kind: values.kind,
    title: values.title,
    description: values.description,
    opened_on: values.openedOn,
    due_on: values.dueOn,
    assigned_officer_id: values.assignedOfficerId,
    organization_id: values.organizationId,
    commune_code: values.communeCode,
    province_code: place.provinceCode,
    group_name: values.groupName,
    contact_name: values.contactName,
    contact_phone: values.contactPhone,
    intended_kind: values.kind === 'founding' ? (values.intendedKind ?? 'cooperative') : values.intendedKind,
    intended_sector: values.intendedSector,
    founding_members: values.foundingMembers,
    search_text: caseSearchText({ ...values, organizationName: place.organizationName }),
  };
}

/** The editable fields of a stored case, to merge a partial change into. */
export function valuesOf(record: CaseRecord): CaseValues {
  return {
    kind: record.kind,
    title: record.title,
    description: record.description,
    openedOn: record.openedOn,
    dueOn: record.dueOn,
    assignedOfficerId: record.assignedOfficer.id,
    organizationId: record.organization?.id ?? null,
    communeCode: record.communeCode,
    groupName: record.groupName,
    contactName: record.contactName,
    contactPhone: record.contactPhone,
    intendedKind: record.intendedKind,
    intendedSector: record.intendedSector,
    foundingMembers: record.foundingMembers,
  };
}

/** What the history keeps of a case: its own fields, not joined names. */
export function snapshot(record: CaseRecord): Record<string, unknown> {
  const { assignedOfficer, organization, communeName, provinceName, createdAt, updatedAt, version, id, ...fields } = record;
  return { ...fields, assignedOfficerId: assignedOfficer.id, organizationId: organization?.id ?? null };
}

export function toSummary(record: CaseRecord, today: string): AdvisoryCaseSummary {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    stage: record.stage,
    openedOn: record.openedOn,
    dueOn: record.dueOn,
    closedOn: record.closedOn,
    isOverdue: isOverdue(record.stage, record.dueOn, today),
    assignedOfficer: record.assignedOfficer,
    organization: record.organization,
    groupName: record.groupName,
    communeCode: record.communeCode,
    communeName: record.communeName,
    provinceCode: record.provinceCode,
    provinceName: record.provinceName,
    version: record.version,
  };
}

/** Every field that leaves the server for one case; the contact phone only for those who may see it. */
export function toDetail(
  record: CaseRecord,
  actor: Actor,
  today: string,
  log: { activities: AdvisoryActivity[]; attachments: AdvisoryAttachment[] },
): AdvisoryCase {
  const isContactHidden = !canSeeCaseContact(actor) && record.contactPhone !== null;
  return {
    ...toSummary(record, today),
    description: record.description,
    contactName: record.contactName,
    contactPhone: isContactHidden ? null : record.contactPhone,
    isContactHidden,
    intendedKind: record.intendedKind,
    intendedSector: record.intendedSector,
    foundingMembers: record.foundingMembers,
    droppedReason: record.droppedReason,
    registeredOn: record.registeredOn,
    totalHours: Math.round(log.activities.reduce((total, activity) => total + activity.hours, 0) * 100) / 100,
    nextStages: nextStagesOf(record.kind, record.stage),
    activities: log.activities,
    attachments: log.attachments,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
