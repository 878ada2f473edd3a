import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/access.ts';
import type { Actor } from '../../platform/access.ts';
import {
  canCreatePerson,
  canEditPeople,
  canErasePerson,
  canExportPersonalData,
  canManagePeople,
  canSavePosition,
  canSearchByPhone,
  canSeePersonalData,
  canUpdatePerson,
  type PersonTarget,
} from './person.policy.ts';

const actor = (role: Role, provinceCode: string | null = '24', organizationId: string | null = null): Actor => ({
  userId: 'u',
  username: role,
  displayName: role,
  role,
  provinceCode,
  organizationId,
});

/** Kept by province 24; director of org-1 (24) now, formerly accountant of org-2 (24) and chair of org-9 (01). */
const person: PersonTarget = {
  provinceCode: '24',
  positions: [
    { organizationId: 'org-1', organizationProvinceCode: '24', isCurrent: true },
    { organizationId: 'org-2', organizationProvinceCode: '24', isCurrent: false },
    { organizationId: 'org-9', organizationProvinceCode: '01', isCurrent: false },
  ],
};

describe('people policy', () => {
  it('lets staff and admins register and edit people of their province, and those working in it', () => {
    expect(canCreatePerson(actor('staff'), '24')).toBe(true);
    expect(canCreatePerson(actor('staff'), '01')).toBe(false);
    expect(canCreatePerson(actor('admin', null), '01')).toBe(true);
    expect(canUpdatePerson(actor('staff'), person)).toBe(true);
    // Province 01 does not keep the record, but the person held a position in one of its organisations.
    expect(canUpdatePerson(actor('staff', '01'), person)).toBe(true);
    expect(canUpdatePerson(actor('staff', '79'), person)).toBe(false);
  });

  it('leaves erasure to the province that keeps the record', () => {
    expect(canErasePerson(actor('staff'), person)).toBe(true);
    expect(canErasePerson(actor('admin', null), person)).toBe(true);
    expect(canErasePerson(actor('staff', '01'), person)).toBe(false);
    expect(canErasePerson(actor('cooperative', '24', 'org-1'), person)).toBe(false);
  });

  it('keeps leaders and viewers read-only, and data requests with the Alliance staff', () => {
    for (const role of ['leader', 'viewer'] as const) {
      expect(canEditPeople(actor(role))).toBe(false);
      expect(canManagePeople(actor(role))).toBe(false);
      expect(canUpdatePerson(actor(role), person)).toBe(false);
      expect(canSavePosition(actor(role), { id: 'org-1', provinceCode: '24' })).toBe(false);
      expect(canExportPersonalData(actor(role), person)).toBe(false);
    }
    expect(canExportPersonalData(actor('staff'), person)).toBe(true);
    expect(canExportPersonalData(actor('cooperative', '24', 'org-1'), person)).toBe(false);
  });

  it('lets a cooperative edit its current people and its own positions only', () => {
    expect(canEditPeople(actor('cooperative', '24', 'org-1'))).toBe(true);
    expect(canManagePeople(actor('cooperative', '24', 'org-1'))).toBe(false);
    expect(canUpdatePerson(actor('cooperative', '24', 'org-1'), person)).toBe(true);
    expect(canUpdatePerson(actor('cooperative', '24', 'org-2'), person)).toBe(false);
    expect(canSavePosition(actor('cooperative', '24', 'org-2'), { id: 'org-2', provinceCode: '24' })).toBe(true);
    expect(canSavePosition(actor('cooperative', '24', 'org-2'), { id: 'org-1', provinceCode: '24' })).toBe(false);
    expect(canSavePosition(actor('staff', '01'), { id: 'org-1', provinceCode: '24' })).toBe(false);
  });

  it('shows personal data to staff, admins, leaders and the current cooperative, never to a viewer', () => {
    expect(canSeePersonalData(actor('admin'), person)).toBe(true);
    expect(canSeePersonalData(actor('staff'), person)).toBe(true);
    expect(canSeePersonalData(actor('leader'), person)).toBe(true);
    expect(canSeePersonalData(actor('viewer'), person)).toBe(false);
    expect(canSeePersonalData(actor('viewer', null), person)).toBe(false);
    expect(canSeePersonalData(actor('cooperative', '24', 'org-1'), person)).toBe(true);
    // The person left org-2: it no longer sees their phone number, which they may since have changed.
    expect(canSeePersonalData(actor('cooperative', '24', 'org-2'), person)).toBe(false);
    expect(canSearchByPhone(actor('leader'))).toBe(true);
    expect(canSearchByPhone(actor('viewer'))).toBe(false);
    expect(canSearchByPhone(actor('cooperative', '24', 'org-1'))).toBe(false);
  });
});
