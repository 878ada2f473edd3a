import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/access.ts';
import type { Actor } from '../../platform/access.ts';
import { canArchiveOrganization, canCreateOrganization, canUpdateOrganization } from './organization.policy.ts';

const actor = (role: Role, provinceCode: string | null = '24', organizationId: string | null = null): Actor => ({
  userId: 'u',
  username: role,
  displayName: role,
  role,
  provinceCode,
  organizationId,
});
const target = { id: 'org-1', provinceCode: '24' };

describe('organisation policy', () => {
  it('lets staff and admins write in their own province only', () => {
    expect(canCreateOrganization(actor('staff'), '24')).toBe(true);
    expect(canCreateOrganization(actor('staff'), '01')).toBe(false);
    expect(canCreateOrganization(actor('admin', null), '01')).toBe(true);
    expect(canArchiveOrganization(actor('staff', '01'), target)).toBe(false);
  });

  it('keeps leaders and viewers read-only', () => {
    for (const role of ['leader', 'viewer'] as const) {
      expect(canCreateOrganization(actor(role), '24')).toBe(false);
      expect(canUpdateOrganization(actor(role), target, ['name'])).toBe(false);
      expect(canArchiveOrganization(actor(role), target)).toBe(false);
    }
  });

  it('lets a cooperative edit only its own contact details', () => {
    const own = actor('cooperative', '24', 'org-1');
    expect(canUpdateOrganization(own, target, ['phone', 'email'])).toBe(true);
    expect(canUpdateOrganization(own, target, ['taxCode'])).toBe(false);
    expect(canUpdateOrganization(own, { ...target, id: 'org-2' }, ['phone'])).toBe(false);
    expect(canCreateOrganization(own, '24')).toBe(false);
  });
});
