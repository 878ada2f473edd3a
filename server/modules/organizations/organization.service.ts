import type { AuditEntry } from '../../../contracts/common.ts';
import {
  type ArchiveOrganization,
  type CreateOrganization,
  type DuplicatePair,
  type MergeOrganization,
  type OrganizationListItem,
  FIGURE_FILTERS,
  type Organization,
  type OrganizationFilters,
  type OrganizationInput,
  type OrganizationStats,
  type UpdateOrganization,
  organizationInputSchema,
} from '../../../contracts/organizations.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Actor, assertAllowed, scopeOf } from '../../platform/access.ts';
import { findAuditEntries, writeAudit, writeAudits } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, badRequest, needsConfirmation, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { PlacesRepository } from '../places/places.repository.ts';
import { canArchiveOrganization, canCreateOrganization, canUpdateOrganization } from './organization.policy.ts';
import { refreshDuplicateFlags } from './duplicate-flags.ts';
import { createDataVersionReader, type DataVersionReader } from '../../platform/data-versions.ts';
import { createVersionedCache } from '../../platform/versioned-cache.ts';
import { createOrganizationRepository } from './organization.repository.ts';
import { createPersonRepository } from './person.repository.ts';
import { isNearlySameName, taxCodeWarnings } from './organization.rules.ts';
import { inputOf, snapshot, toRowValues, type OrganizationValues as Values } from './organization-values.ts';

const ORGANIZATION = { vi: 'tổ chức', en: 'Organisation' };
const ENTITY = 'organization';

const duplicateTaxCode = (taxCode: string, holder?: { id: string; name: string }) =>
  new AppError(
    409,
    'duplicate_tax_code',
    holder
      ? { vi: `Mã số thuế ${taxCode} đã thuộc về "${holder.name}".`, en: `Tax code ${taxCode} already belongs to "${holder.name}".` }
      : { vi: `Mã số thuế ${taxCode} đã được dùng.`, en: `Tax code ${taxCode} is already in use.` },
    { conflictId: holder?.id, errors: [{ field: 'taxCode', message: { vi: 'Mã số thuế đã tồn tại', en: 'Tax code already exists' } }] },
  );

const unknownCommune = () =>
  badRequest({ vi: 'Xã, phường đã chọn không tồn tại.', en: 'The chosen commune does not exist.' }, [
    { field: 'communeCode', message: { vi: 'Không có xã, phường với mã này', en: 'No commune has this code' } },
  ]);

const yearRequired = () =>
  badRequest({ vi: 'Hãy chọn năm của số liệu cần lọc.', en: 'Choose the year of the figures to filter by.' }, [
    { field: 'figuresYear', message: { vi: 'Hãy chọn năm', en: 'Choose a year' } },
  ]);

const alreadyArchived = () =>
  new AppError(409, 'already_archived', { vi: 'Tổ chức này đã được lưu trữ.', en: 'This organisation is already archived.' });

export function createOrganizationService(deps: {
  db: Db;
  places: Pick<PlacesRepository, 'findCommune' | 'findCommuneProvinces'>;
  clock: Clock;
  /** List pages kept while the registry's data version stands still (see versioned-cache.ts); 0: none. */
  listCacheEntries?: number;
  /** Shared with the other caches of the server, so that concurrent requests share a read. */
  versions?: DataVersionReader;
}) {
  const { db, places, clock } = deps;
  const versions = deps.versions ?? createDataVersionReader(db);
  const organizations = createOrganizationRepository(db);
  const listPages = createVersionedCache<Awaited<ReturnType<typeof organizations.findOrganizations>>>(deps.listCacheEntries ?? 0);

  async function provinceOfCommune(communeCode: string): Promise<string> {
    const commune = await places.findCommune(communeCode);
    if (!commune) throw unknownCommune();
    return commune.provinceCode;
  }

  async function assertTaxCodeFree(taxCode: string | null | undefined, exceptId?: string): Promise<void> {
    if (!taxCode) return;
    const holder = await organizations.findLiveByTaxCode(taxCode);
    if (holder && holder.id !== exceptId) throw duplicateTaxCode(taxCode, holder);
  }

  async function getVisible(actor: Actor, id: string): Promise<Organization> {
    const organization = await organizations.findOrganizationById(scopeOf(actor), id);
    if (!organization) throw notFound(ORGANIZATION);
    return organization;
  }

  /** Runs a write with its audit row in one transaction; a racing duplicate tax code becomes a 409. */
  async function saveWithAudit(taxCode: string | null, work: (trx: Db) => Promise<Organization>): Promise<Organization> {
    try {
      return await inTransaction(db, work);
    } catch (error) {
      if (isUniqueViolation(error) && taxCode) throw duplicateTaxCode(taxCode, await organizations.findLiveByTaxCode(taxCode));
      throw error;
    }
  }

  return {
    async findOrganizations(
      actor: Actor,
      filters: OrganizationFilters,
    ): Promise<{ items: OrganizationListItem[]; total: number; totalIsExact: boolean }> {
      if (filters.figuresYear === undefined && FIGURE_FILTERS.some((filter) => filters[filter] !== undefined)) throw yearRequired();
      const scope = scopeOf(actor);
      if (deps.listCacheEntries === 0 || deps.listCacheEntries === undefined) return organizations.findOrganizations(scope, filters);
      // Read the version first: a change committed meanwhile can only make the page newer than its version says.
      const version = await versions.current('registry');
      const key = JSON.stringify([scope.provinceCode, scope.organizationId, filters]);
      const cached = listPages.get(version, key);
      if (cached) return cached;
      const page = await organizations.findOrganizations(scope, filters);
      listPages.set(version, key, page);
      return page;
    },

    /** Pairs of live organisations in one commune whose names are nearly the same. */
    async findDuplicates(actor: Actor, provinceCode?: string): Promise<DuplicatePair[]> {
      const scope = scopeOf(actor);
      const names = await organizations.findNames(scope, { provinceCode });
      const byCommune = new Map<string, typeof names>();
      for (const row of names) byCommune.set(row.commune_code, [...(byCommune.get(row.commune_code) ?? []), row]);
      const pairs: [string, string][] = [];
      for (const rows of byCommune.values()) {
        for (let first = 0; first < rows.length; first += 1) {
          for (let second = first + 1; second < rows.length; second += 1) {
            const [a, b] = [rows[first], rows[second]];
            if (a && b && isNearlySameName(a.name, b.name)) pairs.push([a.id, b.id]);
          }
        }
        if (pairs.length >= 500) break;
      }
      const summaries = new Map((await organizations.findSummariesByIds(scope, pairs.flat())).map((summary) => [summary.id, summary]));
      return pairs.flatMap(([a, b]) => {
        const first = summaries.get(a);
        const second = summaries.get(b);
        return first && second ? [{ reason: 'similar_name' as const, first, second }] : [];
      });
    },

    /**
     * Folds a duplicate into this organisation: blank fields are filled from it, its yearly figures
     * move over for the years this one lacks, and it is archived pointing here. Both histories stay
     * and are shown together on this organisation's page.
     */
    async mergeOrganizations(actor: Actor, survivorId: string, input: MergeOrganization): Promise<Organization> {
      const survivor = await getVisible(actor, survivorId);
      assertAllowed(canArchiveOrganization(actor, survivor));
      if (input.duplicateId === survivorId)
        throw badRequest({ vi: 'Không thể gộp một tổ chức với chính nó.', en: 'An organisation cannot be merged with itself.' });
      const duplicate = await getVisible(actor, input.duplicateId);
      assertAllowed(canArchiveOrganization(actor, duplicate));
      if (survivor.archivedAt || duplicate.archivedAt) throw alreadyArchived();
      if (survivor.version !== input.version || duplicate.version !== input.duplicateVersion) throw versionConflict();
      const filled = Object.fromEntries(
        Object.entries(inputOf(duplicate)).filter(
          ([field, value]) => value !== null && (inputOf(survivor) as Record<string, unknown>)[field] === null,
        ),
      );
      const values = organizationInputSchema.parse({ ...inputOf(survivor), ...filled, taxCode: survivor.taxCode ?? null });
      // Founded with support is not an input field: carried over by hand when only the duplicate has it.
      const foundedWithSupportOn = survivor.foundedWithSupportOn ?? duplicate.foundedWithSupportOn;
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const repository = createOrganizationRepository(trx);
        // The duplicate gives up its tax code first (archived codes stay on the record) so the survivor may take it.
        const reason = `Gộp vào "${survivor.name}"`;
        if (
          !(await repository.updateOrganization(duplicate.id, duplicate.version, {
            archived_at: now,
            archived_reason: reason,
            merged_into_id: survivor.id,
            updated_at: now,
          }))
        ) {
          throw versionConflict();
        }
        const taxCode = survivor.taxCode ?? duplicate.taxCode;
        if (
          !(await repository.updateOrganization(survivor.id, survivor.version, {
            ...toRowValues({ ...values, taxCode }, survivor.provinceCode),
            founded_with_support_on: foundedWithSupportOn,
            updated_at: now,
          }))
        ) {
          throw versionConflict();
        }
        const movedYears = await repository.moveAnnualReports(duplicate.id, survivor.id);
        const movedPositions = await createPersonRepository(trx).movePositions(duplicate.id, survivor.id);
        const movedServices = await repository.moveServiceRecords(duplicate.id, survivor.id);
        const merged = await repository.findOrganizationById(scopeOf(actor), survivor.id);
        const archived = await repository.findOrganizationById(scopeOf(actor), duplicate.id);
        if (!merged || !archived) throw notFound(ORGANIZATION);
        await refreshDuplicateFlags(trx, [survivor.communeCode, duplicate.communeCode], [duplicate.id]);
        await writeAudit(trx, {
          actor,
          entityType: ENTITY,
          entityId: duplicate.id,
          action: 'merge',
          before: snapshot(duplicate),
          after: { ...snapshot(archived), mergedInto: survivor.name },
          at: now,
        });
        await writeAudit(trx, {
          actor,
          entityType: ENTITY,
          entityId: survivor.id,
          action: 'merge',
          before: snapshot(survivor),
          after: {
            ...snapshot(merged),
            mergedFrom: duplicate.name,
            yearsMoved: movedYears,
            positionsMoved: movedPositions,
            ...movedServices,
          },
          at: now,
        });
        return merged;
      });
    },

    getOrganization: getVisible,

    /**
     * `options` serve the advisory module: an organisation registered by a founding case is marked
     * founded with support, and the case is updated by `alsoInTransaction` in the same transaction.
     */
    async createOrganization(
      actor: Actor,
      input: CreateOrganization & Values,
      options: { foundedWithSupportOn?: string; alsoInTransaction?: (trx: Db, created: Organization) => Promise<void> } = {},
    ): Promise<Organization> {
      const provinceCode = await provinceOfCommune(input.communeCode);
      assertAllowed(canCreateOrganization(actor, provinceCode));
      const warnings = taxCodeWarnings(input.taxCode);
      if (warnings.length > 0 && !input.confirmWarnings) throw needsConfirmation(warnings);
      await assertTaxCodeFree(input.taxCode);
      const id = newId();
      const now = instantOf(clock);
      return saveWithAudit(input.taxCode ?? null, async (trx) => {
        const repository = createOrganizationRepository(trx);
        await repository.insertOrganization({
          id,
          ...toRowValues(input, provinceCode),
          founded_with_support_on: options.foundedWithSupportOn ?? null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const created = await repository.findOrganizationById(scopeOf(actor), id);
        if (!created) throw notFound(ORGANIZATION);
        await refreshDuplicateFlags(trx, [created.communeCode]);
        await writeAudit(trx, {
          actor,
          entityType: ENTITY,
          entityId: id,
          action: 'create',
          before: null,
          after: snapshot(created),
          at: now,
        });
        await options.alsoInTransaction?.(trx, created);
        return created;
      });
    },

    async updateOrganization(actor: Actor, id: string, input: UpdateOrganization): Promise<Organization> {
      const current = await getVisible(actor, id);
      const { version, confirmWarnings, ...changes } = input;
      // Only fields whose value really changes count: a form may send every field back.
      const changedFields = Object.entries(changes)
        .filter(([field, value]) => JSON.stringify(value ?? null) !== JSON.stringify(current[field as keyof Organization] ?? null))
        .map(([field]) => field);
      assertAllowed(canUpdateOrganization(actor, current, changedFields));
      if (current.archivedAt) throw alreadyArchived();
      if (current.version !== version) throw versionConflict();
      // The whole record is validated again, so a partial change cannot leave it inconsistent.
      const merged = organizationInputSchema.safeParse({ ...inputOf(current), ...changes });
      if (!merged.success) throw merged.error;
      const values = merged.data;
      const provinceCode = values.communeCode === current.communeCode ? current.provinceCode : await provinceOfCommune(values.communeCode);
      assertAllowed(canUpdateOrganization(actor, { id, provinceCode }, changedFields));
      if (values.taxCode !== current.taxCode) {
        const warnings = taxCodeWarnings(values.taxCode);
        if (warnings.length > 0 && !confirmWarnings) throw needsConfirmation(warnings);
        await assertTaxCodeFree(values.taxCode, id);
      }
      const now = instantOf(clock);
      return saveWithAudit(values.taxCode ?? null, async (trx) => {
        const repository = createOrganizationRepository(trx);
        const saved = await repository.updateOrganization(id, version, { ...toRowValues(values, provinceCode), updated_at: now });
        if (!saved) throw versionConflict();
        const updated = await repository.findOrganizationById(scopeOf(actor), id);
        if (!updated) throw notFound(ORGANIZATION);
        await refreshDuplicateFlags(trx, [current.communeCode, updated.communeCode]);
        await writeAudit(trx, {
          actor,
          entityType: ENTITY,
          entityId: id,
          action: 'update',
          before: snapshot(current),
          after: snapshot(updated),
          at: now,
        });
        return updated;
      });
    },

    async archiveOrganization(actor: Actor, id: string, input: ArchiveOrganization & { reason: string }): Promise<Organization> {
      const current = await getVisible(actor, id);
      assertAllowed(canArchiveOrganization(actor, current));
      if (current.archivedAt) throw alreadyArchived();
      if (current.version !== input.version) throw versionConflict();
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const repository = createOrganizationRepository(trx);
        const saved = await repository.updateOrganization(id, input.version, {
          archived_at: now,
          archived_reason: input.reason,
          updated_at: now,
        });
        if (!saved) throw versionConflict();
        const archived = await repository.findOrganizationById(scopeOf(actor), id);
        if (!archived) throw notFound(ORGANIZATION);
        await refreshDuplicateFlags(trx, [current.communeCode], [id]);
        await writeAudit(trx, {
          actor,
          entityType: ENTITY,
          entityId: id,
          action: 'archive',
          before: snapshot(current),
          after: snapshot(archived),
          at: now,
        });
        return archived;
      });
    },

    /**
     * Marks an organisation already in the registry as founded with the Alliance's support (an
     * advisory case registered it); `alsoInTransaction` updates the case in the same transaction.
     */
    async markFoundedWithSupport(
      actor: Actor,
      id: string,
      foundedOn: string,
      alsoInTransaction: (trx: Db, marked: Organization) => Promise<void>,
    ): Promise<Organization> {
      const current = await getVisible(actor, id);
      assertAllowed(canUpdateOrganization(actor, current, ['foundedWithSupportOn']));
      if (current.archivedAt) throw alreadyArchived();
      if (current.foundedWithSupportOn) {
        throw new AppError(409, 'already_founded_with_support', {
          vi: `"${current.name}" đã được ghi nhận thành lập với sự hỗ trợ của Liên minh (${current.foundedWithSupportOn}).`,
          en: `"${current.name}" is already recorded as founded with the Alliance's support (${current.foundedWithSupportOn}).`,
        });
      }
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const repository = createOrganizationRepository(trx);
        const saved = await repository.updateOrganization(id, current.version, { founded_with_support_on: foundedOn, updated_at: now });
        if (!saved) throw versionConflict();
        const marked = await repository.findOrganizationById(scopeOf(actor), id);
        if (!marked) throw notFound(ORGANIZATION);
        await writeAudit(trx, {
          actor,
          entityType: ENTITY,
          entityId: id,
          action: 'update',
          before: snapshot(current),
          after: snapshot(marked),
          at: now,
        });
        await alsoInTransaction(trx, marked);
        return marked;
      });
    },

    /**
     * Registers many organisations in one transaction (demo data, bulk loads): all or none.
     * Inputs are validated like the form's; the history gets one row per organisation.
     */
    async createOrganizations(actor: Actor, inputs: OrganizationInput[]): Promise<number> {
      const provinces = await places.findCommuneProvinces();
      const now = instantOf(clock);
      const rows = inputs.map((input, index) => {
        const values = organizationInputSchema.parse(input);
        const provinceCode = provinces.get(values.communeCode);
        if (!provinceCode) throw badRequest(unknownCommune().detail, [{ field: `${index}.communeCode`, message: unknownCommune().detail }]);
        assertAllowed(canCreateOrganization(actor, provinceCode));
        return { id: newId(), ...toRowValues(values, provinceCode), created_at: now, updated_at: now, version: 1 };
      });
      await inTransaction(db, async (trx) => {
        await createOrganizationRepository(trx).insertOrganizations(rows);
        const audits = rows.map((row) => ({
          actor,
          entityType: ENTITY,
          entityId: row.id,
          action: 'create' as const,
          before: null,
          after: { name: row.name, kind: row.kind, taxCode: row.tax_code, communeCode: row.commune_code, status: row.status },
          at: now,
        }));
        await refreshDuplicateFlags(
          trx,
          rows.map((row) => row.commune_code),
        );
        await writeAudits(trx, audits, 500);
      });
      return rows.length;
    },

    async findHistory(actor: Actor, id: string): Promise<AuditEntry[]> {
      await getVisible(actor, id);
      return findAuditEntries(db, ENTITY, [id, ...(await organizations.findMergedIds(id))]);
    },

    async countOrganizations(actor: Actor, provinceCode?: string): Promise<OrganizationStats> {
      const scope = scopeOf(actor);
      const counts = await organizations.countOrganizations(scope, provinceCode);
      return { ...counts, placeLevel: scope.provinceCode || provinceCode ? 'commune' : 'province' };
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
