import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AdvisoryCaseTable,
  AdvisoryActivityTable,
  AdvisoryAttachmentTable,
  MembershipTable,
  MembershipDuesTable,
} from './schema-advisory.ts';
import type {
  FundTable,
  FundRulesTable,
  LoanTable,
  LoanDisbursementTable,
  LoanScheduleVersionTable,
  LoanScheduleLineTable,
  LoanRepaymentTable,
  LoanAllocationTable,
  LoanAttachmentTable,
  BankReferralTable,
} from './schema-finance.ts';
import type { ImportEntity } from '../../contracts/imports.ts';

/** Flags are stored as 0/1 on both databases: one representation, no driver-specific booleans. */
export type Flag = 0 | 1;

export type ProvinceTable = {
  code: string;
  name: string;
  full_name: string;
  type: 'tinh' | 'thanh_pho';
  sort_key: string;
};

export type CommuneTable = {
  code: string;
  name: string;
  type: 'xa' | 'phuong' | 'dac_khu';
  province_code: string;
  search_text: string;
  sort_key: string;
};

export type OldCommuneTable = {
  old_commune_code: string;
  old_commune_name: string;
  old_district_code: string;
  old_district_name: string;
  old_province_code: string;
  old_province_name: string;
  new_commune_code: string;
  part: 'full' | 'partial';
};

export type OldProvinceTable = {
  old_province_code: string;
  old_province_name: string;
  new_province_code: string;
};

export type UserTable = {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: 'admin' | 'staff' | 'leader' | 'viewer' | 'cooperative';
  province_code: string | null;
  organization_id: string | null;
  is_active: Flag;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type SessionTable = {
  /** SHA-256 of the cookie value: a stolen database does not hold usable sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
};

export type ApiTokenTable = {
  id: string;
  user_id: string;
  token_hash: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type AuditLogTable = {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_name: string | null;
  entity_type: string;
  entity_id: string;
  action: 'create' | 'update' | 'archive' | 'restore' | 'erase' | 'merge';
  /** JSON: [{ field, before, after }] */
  changes: string;
};

export type OrganizationTable = {
  id: string;
  kind: 'cooperative' | 'cooperative_union' | 'cooperative_group' | 'enterprise';
  name: string;
  short_name: string | null;
  foreign_name: string | null;
  tax_code: string | null;
  registered_on: string | null;
  registration_authority: string | null;
  commune_code: string;
  province_code: string;
  address_line: string | null;
  status: 'active' | 'suspended' | 'dissolving' | 'dissolved' | 'inactive' | 'revoked' | 'bankrupt';
  observed_status: OrganizationTable['status'] | null;
  observed_on: string | null;
  sector:
    | 'agriculture'
    | 'industry_handicraft'
    | 'construction'
    | 'trade_services'
    | 'transport'
    | 'credit'
    | 'environment'
    | 'housing'
    | 'other';
  vsic_codes: string | null;
  is_new_model: Flag;
  charter_capital: ColumnType<number | null, number | null, number | null>;
  legal_representative: string | null;
  chair_name: string | null;
  director_name: string | null;
  controller_name: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  notes: string | null;
  archived_at: string | null;
  archived_reason: string | null;
  address_as_imported: string | null;
  merged_into_id: string | null;
  has_possible_duplicate: ColumnType<Flag, Flag | undefined, Flag>;
  /** Founded with the Alliance's support: the registration date (advisory module). */
  founded_with_support_on: string | null;
  search_text: string;
  sort_key: string;
  created_at: string;
  updated_at: string;
  version: number;
};

export type ClassificationRubricTable = {
  id: string;
  name: string;
  applies_from_year: number;
  /** JSON: [{ band, minScore }], highest band first. */
  bands: string;
  /** JSON: [{ code, name }] */
  criteria: string;
};

export type AnnualReportTable = {
  id: string;
  organization_id: string;
  year: number;
  official_members: number | null;
  associate_members_with_capital: number | null;
  associate_members_without_capital: number | null;
  member_individuals: number | null;
  member_households: number | null;
  member_legal_entities: number | null;
  workers: number | null;
  workers_who_are_members: number | null;
  charter_capital: number | null;
  total_assets: number | null;
  revenue: number | null;
  member_service_revenue: number | null;
  profit_before_tax: number | null;
  budget_contribution: number | null;
  average_worker_income: number | null;
  average_member_income: number | null;
  is_in_value_chain: Flag | null;
  ocop_products: number | null;
  applies_technology: Flag | null;
  classification_score: number | null;
  classification_band: 'good' | 'fair' | 'average' | 'weak' | null;
  not_rated_reason: 'younger_than_12_months' | 'stopped_over_3_months' | 'other' | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type FileTable = {
  id: string;
  name: string;
  content_type: string;
  size: number;
  content: Buffer;
  created_by: string | null;
  created_at: string;
};

export type JobTable = {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  message: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** A counter per body of data, advanced by triggers with every committed change to it. */
export type DataVersionTable = {
  name: string;
  version: number;
  last_transaction: number | null;
};

export type ImportTable = {
  id: string;
  entity: ImportEntity;
  file_id: string;
  file_name: string;
  status: 'previewing' | 'ready' | 'committing' | 'committed' | 'failed';
  job_id: string;
  created_by: string | null;
  actor_province_code: string | null;
  /** JSON: the columns recognised and those ignored. */
  header: string | null;
  /** JSON: counts by action. */
  summary: string | null;
  /** JSON: a file-level problem { vi, en }. */
  error: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type ImportRowTable = {
  import_id: string;
  row_number: number;
  action: 'create' | 'update' | 'unchanged' | 'error' | 'choose';
  target_id: string | null;
  label: string;
  /** JSON: the organisation values and figures this row stands for. */
  data: string;
  /** JSON: { errors: [...], warnings: [...], changes: [...] } */
  problems: string;
  /** JSON: the communes the user chooses among. */
  candidates: string | null;
  chosen_commune_code: string | null;
};

export type PersonTable = {
  id: string;
  full_name: string;
  gender: 'male' | 'female' | null;
  birth_year: number | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  /** The province whose Alliance keeps the record. */
  province_code: string;
  search_text: string;
  sort_key: string;
  erased_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type OrganizationPositionTable = {
  id: string;
  person_id: string;
  organization_id: string;
  position: 'legal_representative' | 'chair' | 'director' | 'accountant' | 'controller' | 'contact';
  started_on: string | null;
  /** The last day in the position; null while it is held. */
  ended_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type Database = {
  advisory_cases: AdvisoryCaseTable;
  advisory_activities: AdvisoryActivityTable;
  advisory_attachments: AdvisoryAttachmentTable;
  memberships: MembershipTable;
  membership_dues: MembershipDuesTable;
  files: FileTable;
  jobs: JobTable;
  data_versions: DataVersionTable;
  imports: ImportTable;
  import_rows: ImportRowTable;
  classification_rubrics: ClassificationRubricTable;
  annual_reports: AnnualReportTable;
  provinces: ProvinceTable;
  communes: CommuneTable;
  old_communes: OldCommuneTable;
  old_provinces: OldProvinceTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  organizations: OrganizationTable;
  people: PersonTable;
  organization_positions: OrganizationPositionTable;
  funds: FundTable;
  fund_rules: FundRulesTable;
  loans: LoanTable;
  loan_disbursements: LoanDisbursementTable;
  loan_schedule_versions: LoanScheduleVersionTable;
  loan_schedule_lines: LoanScheduleLineTable;
  loan_repayments: LoanRepaymentTable;
  loan_allocations: LoanAllocationTable;
  loan_attachments: LoanAttachmentTable;
  bank_referrals: BankReferralTable;
};

export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganizationRow = Insertable<OrganizationTable>;
export type OrganizationRowUpdate = Updateable<OrganizationTable>;
export type UserRow = Selectable<UserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type { Generated };
export type {
  AdvisoryCaseTable,
  AdvisoryActivityTable,
  AdvisoryAttachmentTable,
  MembershipTable,
  MembershipDuesTable,
  FundTable,
  FundRulesTable,
  LoanTable,
  LoanDisbursementTable,
  LoanScheduleVersionTable,
  LoanScheduleLineTable,
  LoanRepaymentTable,
  LoanAllocationTable,
  LoanAttachmentTable,
  BankReferralTable,
};
