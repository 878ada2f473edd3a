import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/access.ts';
import type { Actor } from '../../platform/access.ts';
import { canAssessDues, canWriteMembership } from './membership.policy.ts';

const actor = (role: Role, provinceCode: string | null = '24'): Actor => ({
  userId: 'u',
  username: role,
  displayName: role,
  role,
  provinceCode,
  organizationId: role === 'cooperative' ? 'org-1' : null,
});

describe('membership policy', () => {
  it('lets the staff of the member province write, nobody else', () => {
    expect(canWriteMembership(actor('staff'), '24')).toBe(true);
    expect(canWriteMembership(actor('admin', null), '01')).toBe(true);
    expect(canWriteMembership(actor('staff'), '01')).toBe(false);
    for (const role of ['leader', 'viewer', 'cooperative'] as const) expect(canWriteMembership(actor(role), '24')).toBe(false);
  });

  it('assesses dues of all provinces only for a national account', () => {
    expect(canAssessDues(actor('staff'), '24')).toBe(true);
    expect(canAssessDues(actor('staff'), null)).toBe(false);
    expect(canAssessDues(actor('admin', null), null)).toBe(true);
    expect(canAssessDues(actor('leader', null), null)).toBe(false);
  });
});
