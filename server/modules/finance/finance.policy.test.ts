import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/access.ts';
import type { Actor } from '../../platform/access.ts';
import {
  canAppraiseLoan,
  canApplyForLoan,
  canManageFund,
  canReadPortfolio,
  canServiceLoan,
  canWriteOffLoan,
  checkDecision,
} from './finance.policy.ts';

const actor = (role: Role, provinceCode: string | null = '24', userId = `${role}-1`): Actor => ({
  userId,
  username: role,
  displayName: role,
  role,
  provinceCode,
  organizationId: null,
});
const loan = { provinceCode: '24', appraiserUserId: 'staff-1' };

describe('finance policy', () => {
  it('lets staff and admins prepare, appraise and service loans in their province only', () => {
    expect(canApplyForLoan(actor('staff'), '24')).toBe(true);
    expect(canApplyForLoan(actor('staff', '01'), '24')).toBe(false);
    expect(canAppraiseLoan(actor('admin', null), loan)).toBe(true);
    expect(canServiceLoan(actor('staff'), loan)).toBe(true);
    for (const role of ['leader', 'viewer', 'cooperative'] as const) {
      expect(canApplyForLoan(actor(role), '24')).toBe(false);
      expect(canAppraiseLoan(actor(role), loan)).toBe(false);
      expect(canServiceLoan(actor(role), loan)).toBe(false);
    }
  });

  it('lets only a leader of the province decide, and never the one who appraised the file', () => {
    expect(checkDecision(actor('leader'), loan)).toBe('allowed');
    expect(checkDecision(actor('leader', '24', 'staff-1'), loan)).toBe('appraised_it');
    expect(checkDecision(actor('leader', '01'), loan)).toBe('forbidden');
    expect(checkDecision(actor('admin', null), loan)).toBe('forbidden');
    expect(checkDecision(actor('staff'), loan)).toBe('forbidden');
  });

  it('leaves write-offs to leaders, funds to their own level, and the portfolio to the Alliance', () => {
    expect(canWriteOffLoan(actor('leader'), loan)).toBe(true);
    expect(canWriteOffLoan(actor('staff'), loan)).toBe(false);
    expect(canManageFund(actor('staff'), '24')).toBe(true);
    expect(canManageFund(actor('staff'), null)).toBe(false);
    expect(canManageFund(actor('admin', null), null)).toBe(true);
    expect(canReadPortfolio(actor('viewer'))).toBe(true);
    expect(canReadPortfolio(actor('cooperative'))).toBe(false);
  });
});
