import type { z } from 'zod';
import type { Page } from '../../../contracts/common.ts';
import { validationMessages } from '../../../contracts/messages.ts';
import {
  type createPersonSchema,
  type createPositionSchema,
  ERASED_NAME,
  type erasePersonSchema,
  type OrganizationPosition,
  type Person,
  type PersonalDataExport,
  type PersonFilters,
  type PersonInput,
  type PersonPosition,
  type PersonSummary,
  personInputSchema,
  type updatePersonSchema,
  type updatePositionSchema,
} from '../../../contracts/people.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { type Actor, assertAllowed, scopeOf } from '../../platform/access.ts';
import { findAuditEntries, redactAuditValues, writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { toSortKey } from '../../platform/search-text.ts';
import type { PlacesRepository } from '../places/places.repository.ts';
import type { OrganizationService } from './organization.service.ts';
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
import { erased, invalidInput, overlappingPosition, provinceRequired, unknownProvince } from './person-problems.ts';
import { createPersonRepository, type PersonRecord, type PersonRepository, type PositionRecord } from './person.repository.ts';
import {
  birthYearErrors,
  calendarDateInVietnam,
  comparePositions,
  isCurrentPosition,
  isPhoneSearch,
  periodErrors,
  periodsOverlap,
  toPersonSearchText,
} from './person.rules.ts';

/** Requests as the route schemas deliver them: trimmed, defaults applied. */
type CreatePersonValues = z.output<typeof createPersonSchema>;
type PersonValues = z.output<typeof personInputSchema>;
type UpdatePersonValues = z.output<typeof updatePersonSchema>;
type ErasePersonValues = z.output<typeof erasePersonSchema>;
type CreatePositionValues = z.output<typeof createPositionSchema>;
type UpdatePositionValues = z.output<typeof updatePositionSchema>;

const PERSON = { vi: 'người này', en: 'Person' };
const POSITION = { vi: 'chức vụ này', en: 'Position' };
const PERSON_ENTITY = 'person';
const POSITION_ENTITY = 'organization_position';
/** What erasure removes, from the record and from its history. */
const ERASED_FIELDS = ['fullName', 'birthYear', 'phone', 'email', 'notes'] as const;

const NO_PERSONAL_DATA = { birthYear: null, phone: null, email: null, notes: null };

/** The person fields the history keeps (erasure later blanks the personal ones there too). */
export function personSnapshot(person: PersonRecord): Record<string, unknown> {
  const { fullName, gender, birthYear, phone, email, notes, provinceCode } = person;
  return { fullName, gender, birthYear, phone, email, notes, provinceCode };
}

/** Positions are history of the organisation: ids and dates only, no personal data. */
export function positionSnapshot(position: PositionRecord): Record<string, unknown> {
  const { personId, organizationId, position: held, startedOn, endedOn } = position;
  return { personId, organizationId, position: held, startedOn, endedOn };
}

function inputOf(person: PersonRecord): PersonInput {
  const { fullName, gender, birthYear, phone, email, notes } = person;
  return { fullName, gender, birthYear, phone, email, notes };
}

export function createPersonService(deps: {
  db: Db;
  organizations: Pick<OrganizationService, 'getOrganization'>;
  places: Pick<PlacesRepository, 'findProvinces'>;
  clock: Clock;
}) {
  const { db, organizations, places, clock } = deps;
  const people = createPersonRepository(db);
  const today = () => calendarDateInVietnam(clock.now());

  const targetOf = (person: PersonRecord, positions: readonly PositionRecord[], on: string): PersonTarget => ({
    provinceCode: person.provinceCode,
    positions: positions
      .filter((position) => position.personId === person.id)
      .map((position) => ({
        organizationId: position.organizationId,
        organizationProvinceCode: position.organizationProvinceCode,
        isCurrent: isCurrentPosition(position, on),
      })),
  });

  const presentPosition = (position: PositionRecord, on: string): PersonPosition => ({
    id: position.id,
    organizationId: position.organizationId,
    organizationName: position.organizationName,
    position: position.position,
    startedOn: position.startedOn,
    endedOn: position.endedOn,
    isCurrent: isCurrentPosition(position, on),
    version: position.version,
  });

  /**
   * The presenter: every field that leaves the server is chosen here, and personal data is
   * replaced by nulls for a reader who may not see it, so no other path can leak it.
   */
  function presentPerson(actor: Actor, person: PersonRecord, positions: readonly PositionRecord[], on: string): Person {
    const isHidden = !canSeePersonalData(actor, targetOf(person, positions, on));
    const held = positions.filter((position) => position.personId === person.id);
    return {
      id: person.id,
      fullName: person.fullName,
      gender: person.gender,
      ...(isHidden ? NO_PERSONAL_DATA : { birthYear: person.birthYear, phone: person.phone, email: person.email, notes: person.notes }),
      provinceCode: person.provinceCode,
      isPersonalDataHidden: isHidden,
      erasedAt: person.erasedAt,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
      version: person.version,
      positions: [...held].sort(comparePositions(on)).map((position) => presentPosition(position, on)),
    };
  }

  function presentSummary(actor: Actor, person: PersonRecord, positions: readonly PositionRecord[], on: string): PersonSummary {
    const full = presentPerson(actor, person, positions, on);
    return {
      id: full.id,
      fullName: full.fullName,
      gender: full.gender,
      phone: full.phone,
      email: full.email,
      provinceCode: full.provinceCode,
      isPersonalDataHidden: full.isPersonalDataHidden,
      version: full.version,
      currentPositions: full.positions
        .filter((position) => position.isCurrent)
        .map(({ id, organizationId, organizationName, position }) => ({ id, organizationId, organizationName, position })),
    };
  }

  /** Positions with their holders, each holder presented for this reader. */
  async function presentOrganizationPositions(
    actor: Actor,
    repository: PersonRepository,
    records: readonly PositionRecord[],
    on: string,
  ): Promise<OrganizationPosition[]> {
    const scope = scopeOf(actor);
    const personIds = [...new Set(records.map((record) => record.personId))];
    const [holders, held] = await Promise.all([
      repository.findPeopleByIds(scope, personIds),
      repository.findPositions(scope, { personIds }),
    ]);
    const byId = new Map(holders.map((holder) => [holder.id, presentPerson(actor, holder, held, on)]));
    return [...records].sort(comparePositions(on)).flatMap((record) => {
      const holder = byId.get(record.personId);
      if (!holder) return [];
      const { id, fullName, gender, phone, email, isPersonalDataHidden, erasedAt } = holder;
      return [{ ...presentPosition(record, on), person: { id, fullName, gender, phone, email, isPersonalDataHidden, erasedAt } }];
    });
  }

  async function getVisible(actor: Actor, id: string): Promise<{ person: PersonRecord; positions: PositionRecord[] }> {
    const scope = scopeOf(actor);
    const person = await people.findPersonById(scope, id);
    if (!person) throw notFound(PERSON);
    return { person, positions: await people.findPositions(scope, { personIds: [id] }) };
  }

  async function assertNoOverlap(
    repository: PersonRepository,
    actor: Actor,
    candidate: Pick<PositionRecord, 'personId' | 'organizationId' | 'position' | 'startedOn' | 'endedOn'> & { id?: string },
  ): Promise<void> {
    const held = await repository.findPositions(scopeOf(actor), {
      personIds: [candidate.personId],
      organizationId: candidate.organizationId,
    });
    const clash = held.find(
      (position) => position.id !== candidate.id && position.position === candidate.position && periodsOverlap(position, candidate),
    );
    if (clash) throw overlappingPosition(clash);
  }

  async function insertPersonWithAudit(trx: Db, actor: Actor, person: PersonRecord): Promise<void> {
    await createPersonRepository(trx).insertPerson({
      id: person.id,
      full_name: person.fullName,
      gender: person.gender,
      birth_year: person.birthYear,
      phone: person.phone,
      email: person.email,
      notes: person.notes,
      province_code: person.provinceCode,
      search_text: toPersonSearchText(person.fullName, person.phone),
      sort_key: toSortKey(person.fullName),
      erased_at: null,
      created_at: person.createdAt,
      updated_at: person.updatedAt,
      version: 1,
    });
    await writeAudit(trx, {
      actor,
      entityType: PERSON_ENTITY,
      entityId: person.id,
      action: 'create',
      before: null,
      after: personSnapshot(person),
      at: person.createdAt,
    });
  }

  const newPersonRecord = (values: PersonValues, provinceCode: string, now: string): PersonRecord => ({
    id: newId(),
    fullName: values.fullName,
    gender: values.gender ?? null,
    birthYear: values.birthYear ?? null,
    phone: values.phone ?? null,
    email: values.email ?? null,
    notes: values.notes ?? null,
    provinceCode,
    erasedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });

  return {
    async findPeople(actor: Actor, filters: PersonFilters): Promise<Page<PersonSummary>> {
      const page = { page: filters.page, pageSize: filters.pageSize };
      // Digits only ever match phone numbers: a reader who may not see them cannot search by them either.
      if (isPhoneSearch(filters.q) && !canSearchByPhone(actor)) return { items: [], total: 0, ...page };
      const scope = scopeOf(actor);
      const on = today();
      const found = await people.findPeople(scope, { ...filters, today: on });
      const positions = await people.findPositions(scope, { personIds: found.people.map((person) => person.id) });
      return { items: found.people.map((person) => presentSummary(actor, person, positions, on)), total: found.total, ...page };
    },

    /** Everyone the filters find, a page at a time, presented for this reader: for the Excel export. */
    async *streamPeople(actor: Actor, filters: Omit<PersonFilters, 'page' | 'pageSize'>): AsyncGenerator<Person[]> {
      if (isPhoneSearch(filters.q) && !canSearchByPhone(actor)) return;
      const scope = scopeOf(actor);
      const on = today();
      const pageSize = 500;
      for (let page = 1; ; page += 1) {
        const found = await people.findPeople(scope, { ...filters, page, pageSize, today: on });
        if (found.people.length === 0) return;
        const positions = await people.findPositions(scope, { personIds: found.people.map((person) => person.id) });
        yield found.people.map((person) => presentPerson(actor, person, positions, on));
        if (found.people.length < pageSize) return;
      }
    },

    async getPerson(actor: Actor, id: string): Promise<Person> {
      const { person, positions } = await getVisible(actor, id);
      return presentPerson(actor, person, positions, today());
    },

    async createPerson(actor: Actor, input: CreatePersonValues): Promise<Person> {
      assertAllowed(canManagePeople(actor));
      const provinceCode = input.provinceCode ?? actor.provinceCode;
      if (!provinceCode) throw provinceRequired();
      assertAllowed(canCreatePerson(actor, provinceCode));
      if (!(await places.findProvinces()).some((province) => province.code === provinceCode)) throw unknownProvince();
      const on = today();
      const errors = birthYearErrors(input.birthYear, on);
      if (errors.length > 0) throw invalidInput(errors);
      const person = newPersonRecord(input, provinceCode, instantOf(clock));
      await inTransaction(db, (trx) => insertPersonWithAudit(trx, actor, person));
      return presentPerson(actor, person, [], on);
    },

    async updatePerson(actor: Actor, id: string, input: UpdatePersonValues): Promise<Person> {
      assertAllowed(canEditPeople(actor));
      const { person: current, positions } = await getVisible(actor, id);
      const on = today();
      assertAllowed(canUpdatePerson(actor, targetOf(current, positions, on)));
      if (current.erasedAt) throw erased();
      const { version, ...changes } = input;
      if (current.version !== version) throw versionConflict();
      // The whole record is validated again, so a partial change cannot leave it inconsistent.
      const merged = personInputSchema.safeParse({ ...inputOf(current), ...changes });
      if (!merged.success) throw merged.error;
      const values = merged.data;
      const errors = birthYearErrors(values.birthYear, on);
      if (errors.length > 0) throw invalidInput(errors);
      const now = instantOf(clock);
      const updated: PersonRecord = { ...newPersonRecord(values, current.provinceCode, now), id, createdAt: current.createdAt };
      return inTransaction(db, async (trx) => {
        const saved = await createPersonRepository(trx).updatePerson(id, version, {
          full_name: updated.fullName,
          gender: updated.gender,
          birth_year: updated.birthYear,
          phone: updated.phone,
          email: updated.email,
          notes: updated.notes,
          search_text: toPersonSearchText(updated.fullName, updated.phone),
          sort_key: toSortKey(updated.fullName),
          updated_at: now,
        });
        if (!saved) throw versionConflict();
        await writeAudit(trx, {
          actor,
          entityType: PERSON_ENTITY,
          entityId: id,
          action: 'update',
          before: personSnapshot(current),
          after: personSnapshot(updated),
          at: now,
        });
        return presentPerson(actor, { ...updated, version: version + 1 }, positions, on);
      });
    },

    /**
     * Erasure on request (Decree 13/2023): the name and personal data go, from the record and from
     * its history; the positions stay, so the organisations' history keeps its shape.
     */
    async erasePerson(actor: Actor, id: string, input: ErasePersonValues): Promise<Person> {
      assertAllowed(canManagePeople(actor));
      const { person: current, positions } = await getVisible(actor, id);
      const on = today();
      assertAllowed(canErasePerson(actor, targetOf(current, positions, on)));
      if (current.erasedAt) throw erased();
      if (current.version !== input.version) throw versionConflict();
      const now = instantOf(clock);
      const erasedPerson: PersonRecord = {
        ...current,
        fullName: ERASED_NAME,
        ...NO_PERSONAL_DATA,
        erasedAt: now,
        updatedAt: now,
        version: current.version + 1,
      };
      return inTransaction(db, async (trx) => {
        const saved = await createPersonRepository(trx).updatePerson(id, input.version, {
          full_name: ERASED_NAME,
          birth_year: null,
          phone: null,
          email: null,
          notes: null,
          search_text: toPersonSearchText(ERASED_NAME, null),
          sort_key: toSortKey(ERASED_NAME),
          erased_at: now,
          updated_at: now,
        });
        if (!saved) throw versionConflict();
        await redactAuditValues(trx, PERSON_ENTITY, id, ERASED_FIELDS, ERASED_NAME);
        // The erasure's own row says who erased, when and on which request; it holds nothing erased.
        await writeAudit(trx, {
          actor,
          entityType: PERSON_ENTITY,
          entityId: id,
          action: 'erase',
          before: { erasedAt: null },
          after: { erasedAt: now, erasureRequest: input.reason },
          at: now,
        });
        return presentPerson(actor, erasedPerson, positions, on);
      });
    },

    /** Everything held about a person, for a data-subject request: the record, every position, the history. */
    async exportPersonalData(actor: Actor, id: string): Promise<PersonalDataExport> {
      assertAllowed(canManagePeople(actor));
      const { person, positions } = await getVisible(actor, id);
      const on = today();
      assertAllowed(canExportPersonalData(actor, targetOf(person, positions, on)));
      const every = await people.findEveryPositionOfPerson(id);
      const histories = await Promise.all([
        findAuditEntries(db, PERSON_ENTITY, id).then((entries) =>
          entries.map((entry) => ({ ...entry, entityType: 'person' as const, entityId: id })),
        ),
        ...every.map((position) =>
          findAuditEntries(db, POSITION_ENTITY, position.id).then((entries) =>
            entries.map((entry) => ({ ...entry, entityType: 'organization_position' as const, entityId: position.id })),
          ),
        ),
      ]);
      return {
        exportedAt: instantOf(clock),
        person: presentPerson(actor, person, every, on),
        history: histories.flat().sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)),
      };
    },

    /** The organisation's people, current positions first. */
    async findOrganizationPositions(actor: Actor, organizationId: string): Promise<OrganizationPosition[]> {
      await organizations.getOrganization(actor, organizationId);
      const records = await people.findPositions(scopeOf(actor), { organizationId });
      return presentOrganizationPositions(actor, people, records, today());
    },

    async createPosition(actor: Actor, organizationId: string, input: CreatePositionValues): Promise<OrganizationPosition> {
      assertAllowed(canEditPeople(actor));
      const organization = await organizations.getOrganization(actor, organizationId);
      assertAllowed(canSavePosition(actor, organization));
      const on = today();
      const period = { startedOn: input.startedOn ?? null, endedOn: input.endedOn ?? null };
      const errors = [...periodErrors(period), ...birthYearErrors(input.person?.birthYear, on, 'person.birthYear')];
      if (errors.length > 0) throw invalidInput(errors);
      const now = instantOf(clock);
      let holder: PersonRecord;
      if (input.personId) {
        const existing = await people.findPersonById(scopeOf(actor), input.personId);
        if (!existing) throw notFound(PERSON);
        if (existing.erasedAt) throw erased();
        holder = existing;
        await assertNoOverlap(people, actor, { personId: holder.id, organizationId, position: input.position, ...period });
      } else if (input.person) {
        // A new person is kept by the province of the organisation they work for.
        holder = newPersonRecord(input.person, organization.provinceCode, now);
      } else {
        throw invalidInput([{ field: 'personId', message: validationMessages['validation.personOrNew'] }]);
      }
      const id = newId();
      return inTransaction(db, async (trx) => {
        const repository = createPersonRepository(trx);
        if (!input.personId) await insertPersonWithAudit(trx, actor, holder);
        await repository.insertPosition({
          id,
          person_id: holder.id,
          organization_id: organizationId,
          position: input.position,
          started_on: period.startedOn,
          ended_on: period.endedOn,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const [created] = await repository.findPositions(scopeOf(actor), { id });
        if (!created) throw notFound(POSITION);
        await writeAudit(trx, {
          actor,
          entityType: POSITION_ENTITY,
          entityId: id,
          action: 'create',
          before: null,
          after: positionSnapshot(created),
          at: now,
        });
        const [presented] = await presentOrganizationPositions(actor, repository, [created], on);
        if (!presented) throw notFound(POSITION);
        return presented;
      });
    },

    /** Changes a position (naming the version read), e.g. its last day when someone leaves. */
    async updatePosition(actor: Actor, id: string, input: UpdatePositionValues): Promise<OrganizationPosition> {
      assertAllowed(canEditPeople(actor));
      const [current] = await people.findPositions(scopeOf(actor), { id });
      if (!current) throw notFound(POSITION);
      assertAllowed(canSavePosition(actor, { id: current.organizationId, provinceCode: current.organizationProvinceCode }));
      if (current.version !== input.version) throw versionConflict();
      const next = {
        position: input.position ?? current.position,
        startedOn: input.startedOn === undefined ? current.startedOn : input.startedOn,
        endedOn: input.endedOn === undefined ? current.endedOn : input.endedOn,
      };
      const errors = periodErrors(next);
      if (errors.length > 0) throw invalidInput(errors);
      await assertNoOverlap(people, actor, { ...next, id, personId: current.personId, organizationId: current.organizationId });
      const now = instantOf(clock);
      const on = today();
      return inTransaction(db, async (trx) => {
        const repository = createPersonRepository(trx);
        const saved = await repository.updatePosition(id, input.version, {
          position: next.position,
          started_on: next.startedOn,
          ended_on: next.endedOn,
          updated_at: now,
        });
        if (!saved) throw versionConflict();
        const [updated] = await repository.findPositions(scopeOf(actor), { id });
        if (!updated) throw notFound(POSITION);
        await writeAudit(trx, {
          actor,
          entityType: POSITION_ENTITY,
          entityId: id,
          action: 'update',
          before: positionSnapshot(current),
          after: positionSnapshot(updated),
          at: now,
        });
        const [presented] = await presentOrganizationPositions(actor, repository, [updated], on);
        if (!presented) throw notFound(POSITION);
        return presented;
      });
    },
  };
}

export type PersonService = ReturnType<typeof createPersonService>;
