import { type OrganizationFilters, organizationListQuerySchema } from '../contracts/organizations.ts';
import type { Db } from '../server/db/database.ts';

/**
 * The list requests people make, each shape with many values so that no single cached page or
 * plan makes it look cheap. Values come from the generated data: real provinces and communes,
 * names that exist.
 */
export type QueryShape = {
  key: string;
  title: string;
  /** The query strings sent to GET /api/v1/organizations, in the order they are cycled. */
  queries: string[];
  /** The same queries as the route hands them to the service. */
  filters: OrganizationFilters[];
};

const PAGE_SIZE = '20';
const SPECIFIC_NAMES = ['dong tam', 'htx tan tien', 'Hợp tác xã Quyết Thắng', 'thanh cong', 'THT Hoa Ban'];
const BROAD_SEARCHES = ['hop tac xa', 'htx', 'Hợp tác xã Nông nghiệp', 'dich vu', 'to hop tac'];
/** Where deep pages fall, as fractions of the national list. */
const DEEP_FRACTIONS = [0.1, 0.22, 0.35, 0.47, 0.6, 0.72, 0.85, 0.95];
const KIND_SECTORS: [string, string][] = [
  ['cooperative', 'agriculture'],
  ['cooperative', 'transport'],
  ['cooperative', 'trade_services'],
  ['cooperative_group', 'agriculture'],
  ['cooperative_group', 'industry_handicraft'],
  ['cooperative', 'credit'],
  ['enterprise', 'agriculture'],
  ['cooperative', 'environment'],
];

function shape(key: string, title: string, queries: Record<string, string>[]): QueryShape {
  const strings = queries.map((query) => new URLSearchParams({ sort: 'name', page: '1', pageSize: PAGE_SIZE, ...query }).toString());
  return {
    key,
    title,
    queries: strings,
    filters: strings.map((query) => organizationListQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)))),
  };
}

/** The last two words of a name: the place part that people type ("Xuân Phương"). */
const placePart = (name: string) => name.split(' ').slice(-2).join(' ');

export async function buildQueryShapes(db: Db): Promise<QueryShape[]> {
  const provinces = await db.selectFrom('provinces').select('code').orderBy('code').execute();
  const communes = await db
    .selectFrom('organizations')
    .select(['commune_code', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('commune_code')
    .orderBy('commune_code')
    .execute();
  const busyCommunes = communes.filter((_, index) => index % Math.max(1, Math.floor(communes.length / 40)) === 0).slice(0, 40);
  // Names spread over the registry: half end in a common name, half in a village's own.
  const total = Number(
    (
      await db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const sampled = await db
    .selectFrom('organizations')
    .select('name')
    .orderBy('id')
    .offset(Math.floor(total / 3))
    .limit(15)
    .execute();

  return [
    shape(
      'a',
      'province + status, by name',
      provinces.map((province) => ({ provinceCode: province.code, status: 'active' })),
    ),
    shape(
      'b',
      'kind + sector (national)',
      KIND_SECTORS.map(([kind, sector]) => ({ kind, sector })),
    ),
    shape(
      'c',
      'commune',
      busyCommunes.map((commune) => ({ communeCode: commune.commune_code })),
    ),
    shape(
      'd',
      'search: a specific name',
      [...SPECIFIC_NAMES, ...sampled.map((row) => placePart(row.name))].map((q) => ({ q })),
    ),
    shape(
      'e',
      'search: broad (most rows)',
      BROAD_SEARCHES.map((q) => ({ q })),
    ),
    shape(
      'f',
      'deep page (national, by name)',
      DEEP_FRACTIONS.map((fraction) => ({ page: String(Math.max(1, Math.floor((fraction * total) / Number(PAGE_SIZE)))) })),
    ),
  ];
}
