import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.ts';

/**
 * The support fund's loans (DOMAIN.md §4) and referrals to banks. Money columns hold whole đồng;
 * schedules are versioned (a rescheduling adds a version, the old ones stay); repayments are
 * reversed, never deleted; allocations are what the ledger's replay made of each repayment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const type = columnTypes(dialectOf(db));

  await db.schema
    .createTable('funds')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('province_code', 'text', (column) => column.references('provinces.code'))
    .addColumn('capital', type.money, (column) => column.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('fund_rules')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('fund_id', type.id, (column) => column.notNull().references('funds.id'))
    .addColumn('applies_from', type.date, (column) => column.notNull())
    .addColumn('lending_rate_bp', 'integer', (column) => column.notNull())
    .addColumn('max_amount', type.money, (column) => column.notNull())
    .addColumn('max_term_months', 'integer', (column) => column.notNull())
    .addColumn('overdue_factor_percent', 'integer', (column) => column.notNull())
    // JSON: [days of group 2, 3, 4, 5]
    .addColumn('debt_group_min_days', 'text', (column) => column.notNull())
    .addColumn('restructured_min_group', 'integer', (column) => column.notNull())
    // JSON: [bp of group 1 … 5]
    .addColumn('provision_bp', 'text', (column) => column.notNull())
    // JSON: ['overdue_interest', 'interest', 'principal']
    .addColumn('allocation_order', 'text', (column) => column.notNull())
    .addColumn('created_by', type.id)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addUniqueConstraint('fund_rules_fund_date', ['fund_id', 'applies_from'])
    .execute();

  let loans = db.schema
    .createTable('loans')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('organization_id', type.id, (column) => column.notNull().references('organizations.id'))
    .addColumn('fund_id', type.id, (column) => column.notNull().references('funds.id'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('requested_amount', type.money, (column) => column.notNull())
    .addColumn('term_months', 'integer', (column) => column.notNull())
    .addColumn('rate_bp', 'integer', (column) => column.notNull())
    .addColumn('frequency', 'text', (column) => column.notNull())
    .addColumn('principal_method', 'text', (column) => column.notNull())
    .addColumn('grace_months', 'integer', (column) => column.notNull())
    .addColumn('purpose', 'text', (column) => column.notNull())
    .addColumn('collateral', 'text')
    .addColumn('documents', 'text', (column) => column.notNull())
    .addColumn('applied_on', type.date, (column) => column.notNull());
  for (const [name, columnType] of [
    ['appraiser_user_id', type.id],
    ['appraiser_name', 'text'],
    ['appraisal_findings', 'text'],
    ['appraisal_recommendation', 'text'],
    ['appraisal_amount', type.money],
    ['appraised_on', type.date],
    ['decider_user_id', type.id],
    ['decider_name', 'text'],
    ['decision_outcome', 'text'],
    ['decision_number', 'text'],
    ['decided_on', type.date],
    ['approved_amount', type.money],
    ['decision_reason', 'text'],
    ['contract_signed_on', type.date],
    ['overdue_factor_percent', 'integer'],
    ['allocation_order', 'text'],
    ['first_disbursed_on', type.date],
    ['maturity_on', type.date],
    ['closed_on', type.date],
    ['written_off_on', type.date],
    ['written_off_principal', type.money],
    ['written_off_interest', type.money],
    ['write_off_reason', 'text'],
    ['write_off_decision_number', 'text'],
  ] as const) {
    loans = loans.addColumn(name, columnType);
  }
  await loans
    .addColumn('contract_number', 'text', (column) => column.unique())
    .addColumn('disbursed', type.money, (column) => column.notNull().defaultTo(0))
    .addColumn('created_by', type.id)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('loans_organization').on('loans').columns(['organization_id', 'applied_on']).execute();
  await db.schema.createIndex('loans_fund_status').on('loans').columns(['fund_id', 'status']).execute();
  await db.schema.createIndex('loans_status_applied').on('loans').columns(['status', 'applied_on']).execute();

  await db.schema
    .createTable('loan_disbursements')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('loan_id', type.id, (column) => column.notNull().references('loans.id'))
    .addColumn('disbursed_on', type.date, (column) => column.notNull())
    .addColumn('amount', type.money, (column) => column.notNull())
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', type.id)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .execute();
  await db.schema.createIndex('loan_disbursements_loan').on('loan_disbursements').columns(['loan_id', 'disbursed_on']).execute();

  await db.schema
    .createTable('loan_schedule_versions')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('loan_id', type.id, (column) => column.notNull().references('loans.id'))
    .addColumn('number', 'integer', (column) => column.notNull())
    .addColumn('effective_from', type.date, (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('note', 'text')
    .addColumn('term_months', 'integer', (column) => column.notNull())
    .addColumn('principal_method', 'text', (column) => column.notNull())
    .addColumn('created_by', type.id)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addUniqueConstraint('loan_schedule_versions_number', ['loan_id', 'number'])
    .execute();

  await db.schema
    .createTable('loan_schedule_lines')
    .addColumn('version_id', type.id, (column) => column.notNull().references('loan_schedule_versions.id'))
    .addColumn('number', 'integer', (column) => column.notNull())
    .addColumn('due_on', type.date, (column) => column.notNull())
    .addColumn('principal', type.money, (column) => column.notNull())
    .addColumn('interest', type.money, (column) => column.notNull())
    .addPrimaryKeyConstraint('loan_schedule_lines_pk', ['version_id', 'number'])
    .execute();
  // "Due this month" reads lines by date.
  await db.schema.createIndex('loan_schedule_lines_due').on('loan_schedule_lines').columns(['due_on', 'version_id']).execute();

  await db.schema
    .createTable('loan_repayments')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('loan_id', type.id, (column) => column.notNull().references('loans.id'))
    .addColumn('paid_on', type.date, (column) => column.notNull())
    .addColumn('amount', type.money, (column) => column.notNull())
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', type.id)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('reversed_at', type.instant)
    .addColumn('reversed_by', type.id)
    .addColumn('reversed_by_name', 'text')
    .addColumn('reversal_reason', 'text')
    .execute();
  await db.schema.createIndex('loan_repayments_loan').on('loan_repayments').columns(['loan_id', 'paid_on']).execute();
  await db.schema.createIndex('loan_repayments_paid_on').on('loan_repayments').columns(['paid_on']).execute();

  await db.schema
    .createTable('loan_allocations')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('repayment_id', type.id, (column) => column.notNull().references('loan_repayments.id'))
    .addColumn('loan_id', type.id, (column) => column.notNull().references('loans.id'))
    .addColumn('component', 'text', (column) => column.notNull())
    .addColumn('due_on', type.date)
    .addColumn('amount', type.money, (column) => column.notNull())
    .execute();
  await db.schema.createIndex('loan_allocations_repayment').on('loan_allocations').column('repayment_id').execute();
  await db.schema.createIndex('loan_allocations_loan').on('loan_allocations').column('loan_id').execute();

  await db.schema
    .createTable('bank_referrals')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('organization_id', type.id, (column) => column.notNull().references('organizations.id'))
    .addColumn('bank', 'text', (column) => column.notNull())
    .addColumn('bank_branch', 'text')
    .addColumn('purpose', 'text')
    .addColumn('amount_requested', type.money, (column) => column.notNull())
    .addColumn('amount_granted', type.money)
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('referred_on', type.date, (column) => column.notNull())
    .addColumn('decided_on', type.date)
    .addColumn('notes', 'text')
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('bank_referrals_organization').on('bank_referrals').columns(['organization_id', 'referred_on']).execute();
  await db.schema.createIndex('bank_referrals_referred_on').on('bank_referrals').columns(['referred_on']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
