import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.ts';

/** Circular 01/2020/TT-BKHĐT: the bands and the fifteen criteria (DOMAIN.md §3), as data. */
const CIRCULAR_01_2020 = {
  id: '01930000-0000-7000-8000-000000000001',
  name: 'Thông tư 01/2020/TT-BKHĐT',
  applies_from_year: 2020,
  bands: JSON.stringify([
    { band: 'good', minScore: 80 },
    { band: 'fair', minScore: 65 },
    { band: 'average', minScore: 50 },
    { band: 'weak', minScore: 0 },
  ]),
  criteria: JSON.stringify(
    [
      'Vốn hoạt động',
      'Tài sản',
      'Kết quả sản xuất, kinh doanh',
      'Trích lập quỹ',
      'Chấp hành quy định của pháp luật',
      'Tranh chấp, khiếu nại',
      'Trình độ cán bộ quản lý',
      'Chính sách với thành viên, người lao động',
      'Ứng dụng công nghệ, thương hiệu, chuỗi giá trị',
      'Mức độ tham gia của thành viên',
      'Lợi ích của thành viên',
      'Dịch vụ cho thành viên',
      'Đào tạo, tuyên truyền',
      'Tác động đến cộng đồng',
      'Khen thưởng',
    ].map((name, index) => ({ code: `C${String(index + 1).padStart(2, '0')}`, name })),
  ),
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const type = columnTypes(dialectOf(db));

  await db.schema
    .createTable('classification_rubrics')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('applies_from_year', 'integer', (column) => column.notNull().unique())
    .addColumn('bands', 'text', (column) => column.notNull())
    .addColumn('criteria', 'text', (column) => column.notNull())
    .execute();
  await sql`insert into classification_rubrics (id, name, applies_from_year, bands, criteria)
    values (${CIRCULAR_01_2020.id}, ${CIRCULAR_01_2020.name}, ${CIRCULAR_01_2020.applies_from_year}, ${CIRCULAR_01_2020.bands}, ${CIRCULAR_01_2020.criteria})`.execute(
    db,
  );

  let table = db.schema
    .createTable('annual_reports')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('organization_id', type.id, (column) => column.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (column) => column.notNull());
  for (const name of [
    'official_members',
    'associate_members_with_capital',
    'associate_members_without_capital',
    'member_individuals',
    'member_households',
    'member_legal_entities',
    'workers',
    'workers_who_are_members',
    'ocop_products',
  ]) {
    table = table.addColumn(name, 'integer');
  }
  for (const name of [
    'charter_capital',
    'total_assets',
    'revenue',
    'member_service_revenue',
    'profit_before_tax',
    'budget_contribution',
    'average_worker_income',
    'average_member_income',
  ]) {
    table = table.addColumn(name, type.money);
  }
  await table
    .addColumn('is_in_value_chain', 'integer')
    .addColumn('applies_technology', 'integer')
    .addColumn('classification_score', 'real')
    .addColumn('classification_band', 'text')
    .addColumn('not_rated_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addUniqueConstraint('annual_reports_organization_year', ['organization_id', 'year'])
    .execute();
  // "Revenue 2025 above X", "band Khá in 2024": the year leads, the figure follows.
  await db.schema.createIndex('annual_reports_year_revenue').on('annual_reports').columns(['year', 'revenue']).execute();
  await db.schema.createIndex('annual_reports_year_band').on('annual_reports').columns(['year', 'classification_band']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
