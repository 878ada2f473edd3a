import type { Readable } from 'node:stream';
import type { Person, PersonFilters } from '../../../contracts/people.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, scopeOf } from '../../platform/access.ts';
import { createSheetStream } from '../../platform/sheets/sheet-writer.ts';
import { createOrganizationRepository } from './organization.repository.ts';
import { PERSON_COLUMNS, type PersonColumnKey, POSITION_LABELS } from './person-sheet.rules.ts';
import type { PersonService } from './person.service.ts';

type Cells = Record<PersonColumnKey, string | number | null>;

const GENDER_WORDS = { male: 'Nam', female: 'Nữ' } as const;
const SHEET_COLUMNS = PERSON_COLUMNS.map(({ header, width, format }) => ({ header, width, format }));

function toRow(cells: Cells): (string | number | null)[] {
  return PERSON_COLUMNS.map((column) => cells[column.key]);
}

/**
 * The list of people in Excel with the import template's columns — one row per person and
 * position, the system ids last — so that export → edit → import is a round trip. Personal data
 * leaves only as the person service presents it (blank for a reader who may not see it).
 */
export function createPersonExporter(deps: { db: Db; people: Pick<PersonService, 'streamPeople'> }) {
  const organizations = createOrganizationRepository(deps.db);

  return {
    exportPeople(actor: Actor, filters: Omit<PersonFilters, 'page' | 'pageSize'>): Readable {
      const sheet = createSheetStream('Danh sách cán bộ', SHEET_COLUMNS);
      (async () => {
        for await (const batch of deps.people.streamPeople(actor, filters)) {
          const organizationIds = [...new Set(batch.flatMap((person) => person.positions.map((position) => position.organizationId)))];
          const taxCodes = new Map(
            (await organizations.findForMatching(scopeOf(actor), { ids: organizationIds, taxCodes: [], communeCodes: [] })).map(
              (organization) => [organization.id, organization.taxCode],
            ),
          );
          for (const person of batch) {
            const personal = personCells(person);
            if (person.positions.length === 0)
              sheet.addRow(
                toRow({
                  ...personal,
                  position: null,
                  organizationName: null,
                  taxCode: null,
                  organizationId: null,
                  startedOn: null,
                  endedOn: null,
                }),
              );
            for (const position of person.positions) {
              sheet.addRow(
                toRow({
                  ...personal,
                  position: POSITION_LABELS[position.position],
                  organizationName: position.organizationName,
                  taxCode: taxCodes.get(position.organizationId) ?? null,
                  organizationId: position.organizationId,
                  startedOn: position.startedOn,
                  endedOn: position.endedOn,
                }),
              );
            }
          }
        }
        await sheet.finish();
      })().catch((error: unknown) => sheet.stream.destroy(error instanceof Error ? error : new Error(String(error))));
      return sheet.stream;
    },

    /** The list to fill in Excel, with one example row. */
    template(): Readable {
      const sheet = createSheetStream('Danh sách cán bộ', SHEET_COLUMNS);
      sheet.addRow(
        toRow({
          fullName: 'Nguyễn Văn An (dòng ví dụ, hãy xóa)',
          position: POSITION_LABELS.director,
          organizationName: 'HTX Dịch vụ Nông nghiệp Tân Tiến',
          taxCode: '0100109106',
          gender: 'Nam',
          birthYear: 1975,
          phone: '0912 345 678',
          email: null,
          startedOn: '2021-04-01',
          endedOn: null,
          notes: null,
          organizationId: null,
          personId: null,
        }),
      );
      sheet.finish().catch((error: unknown) => sheet.stream.destroy(error instanceof Error ? error : new Error(String(error))));
      return sheet.stream;
    },
  };
}

function personCells(
  person: Person,
): Omit<Cells, 'position' | 'organizationName' | 'taxCode' | 'organizationId' | 'startedOn' | 'endedOn'> {
  return {
    fullName: person.fullName,
    gender: person.gender ? GENDER_WORDS[person.gender] : null,
    birthYear: person.birthYear,
    phone: person.phone,
    email: person.email,
    notes: person.notes,
    personId: person.id,
  };
}

export type PersonExporter = ReturnType<typeof createPersonExporter>;
