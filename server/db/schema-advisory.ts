/** Table types of the advisory and membership modules (see schema.ts for the whole database). */
import type { OrganizationTable } from './schema.ts';

export type AdvisoryCaseTable = {
  id: string;
  kind:
    | 'founding'
    | 'reorganization'
    | 'business_plan'
    | 'accounting'
    | 'governance'
    | 'digital_transformation'
    | 'value_chain'
    | 'legal'
    | 'dissolution'
    | 'other';
  title: string;
  stage: 'inquiry' | 'preparing' | 'submitted' | 'registered' | 'completed' | 'dropped';
  description: string | null;
  opened_on: string;
  due_on: string;
  closed_on: string | null;
  assigned_officer_id: string;
  organization_id: string | null;
  commune_code: string;
  province_code: string;
  group_name: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  intended_kind: 'cooperative' | 'cooperative_union' | 'cooperative_group' | null;
  intended_sector: OrganizationTable['sector'] | null;
  founding_members: number | null;
  dropped_reason: string | null;
  registered_on: string | null;
  search_text: string;
  created_at: string;
  updated_at: string;
  version: number;
};

export type AdvisoryActivityTable = {
  id: string;
  case_id: string;
  happened_on: string;
  user_id: string;
  description: string;
  minutes: number;
  created_at: string;
  updated_at: string;
  version: number;
};

export type AdvisoryAttachmentTable = {
  id: string;
  case_id: string;
  file_id: string;
  name: string;
  file_type: 'pdf' | 'docx' | 'jpeg' | 'png';
  content_type: string;
  size: number;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  uploaded_at: string;
  removed_at: string | null;
};

export type MembershipTable = {
  id: string;
  organization_id: string;
  category: 'official' | 'associate';
  joined_on: string;
  left_on: string | null;
  left_reason: string | null;
  decision_number: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type MembershipDuesTable = {
  id: string;
  membership_id: string;
  organization_id: string;
  province_code: string;
  year: number;
  amount_due: number;
  amount_paid: number;
  paid_on: string | null;
  receipt_number: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};
