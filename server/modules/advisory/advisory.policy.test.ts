import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/access.ts';
import type { Actor } from '../../platform/access.ts';
import { canBeAssignedCase, canSeeCaseContact, canWriteAdvisoryCase } from './advisory.policy.ts';

const actor = (role: Role, provinceCode: string | null = '24'): Actor => ({
  userId: 'u',
  username: role,
  displayName: role,
  role,
  provinceCode,
  organizationId: role === 'cooperative' ? 'org-1' : null,
});

describe('advisory policy', () => {
  it('lets staff and admins write cases of their own province only', () => {
    expect(canWriteAdvisoryCase(actor('staff'), '24')).toBe(true);
    expect(canWriteAdvisoryCase(actor('staff'), '01')).toBe(false);
    expect(canWriteAdvisoryCase(actor('admin', null), '01')).toBe(true);
    for (const role of ['leader', 'viewer', 'cooperative'] as const) expect(canWriteAdvisoryCase(actor(role), '24')).toBe(false);
  });

  it('assigns cases only to active staff of the province or national staff', () => {
    expect(canBeAssignedCase({ role: 'staff', provinceCode: '24', isActive: true }, '24')).toBe(true);
    expect(canBeAssignedCase({ role: 'admin', provinceCode: null, isActive: true }, '24')).toBe(true);
    expect(canBeAssignedCase({ role: 'staff', provinceCode: '01', isActive: true }, '24')).toBe(false);
    expect(canBeAssignedCase({ role: 'staff', provinceCode: '24', isActive: false }, '24')).toBe(false);
    expect(canBeAssignedCase({ role: 'leader', provinceCode: '24', isActive: true }, '24')).toBe(false);
  });

  it('hides the founding contact phone from viewers only', () => {
    expect(canSeeCaseContact(actor('viewer'))).toBe(false);
    for (const role of ['admin', 'staff', 'leader', 'cooperative'] as const) expect(canSeeCaseContact(actor(role))).toBe(true);
  });
});
