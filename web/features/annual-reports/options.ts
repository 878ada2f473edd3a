import type { AnnualReport, ClassificationBand } from '../../../contracts/annual-reports.ts';

export const bandColors: Record<ClassificationBand, string> = {
  good: 'green',
  fair: 'blue',
  average: 'yellow',
  weak: 'red',
};

/** How a figure is written: a count, whole đồng (a loss is allowed for profit), a yes/no. */
export type FigureKind = 'count' | 'money' | 'signedMoney' | 'boolean' | 'score';

export type FigureField = Exclude<
  keyof AnnualReport,
  'id' | 'organizationId' | 'year' | 'updatedAt' | 'version' | 'classificationBand' | 'notRatedReason' | 'notes'
>;

/** The yearly figures of DOMAIN.md §3, grouped as the cooperative's report form is. */
export const figureGroups: { key: string; fields: { field: FigureField; kind: FigureKind }[] }[] = [
  {
    key: 'members',
    fields: [
      { field: 'officialMembers', kind: 'count' },
      { field: 'associateMembersWithCapital', kind: 'count' },
      { field: 'associateMembersWithoutCapital', kind: 'count' },
      { field: 'memberIndividuals', kind: 'count' },
      { field: 'memberHouseholds', kind: 'count' },
      { field: 'memberLegalEntities', kind: 'count' },
    ],
  },
  {
    key: 'workers',
    fields: [
      { field: 'workers', kind: 'count' },
      { field: 'workersWhoAreMembers', kind: 'count' },
    ],
  },
  {
    key: 'finance',
    fields: [
      { field: 'charterCapital', kind: 'money' },
      { field: 'totalAssets', kind: 'money' },
      { field: 'revenue', kind: 'money' },
      { field: 'memberServiceRevenue', kind: 'money' },
      { field: 'profitBeforeTax', kind: 'signedMoney' },
      { field: 'budgetContribution', kind: 'money' },
      { field: 'averageWorkerIncome', kind: 'money' },
      { field: 'averageMemberIncome', kind: 'money' },
    ],
  },
  {
    key: 'development',
    fields: [
      { field: 'isInValueChain', kind: 'boolean' },
      { field: 'ocopProducts', kind: 'count' },
      { field: 'appliesTechnology', kind: 'boolean' },
    ],
  },
];
