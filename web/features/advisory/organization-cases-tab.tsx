import type { Organization } from '../../../contracts/organizations.ts';

/** Placeholder: the tab is being built. */
export function OrganizationCasesTab(_props: { organization: Organization }) {
  return null;
}
