import type { AnnualFigures } from '../../../contracts/annual-reports.ts';
import type { FieldError } from '../../platform/errors.ts';

/** Figures that cannot all be true at once; each names the field to correct. */
export function inconsistentFigures(figures: AnnualFigures): FieldError[] {
  const errors: FieldError[] = [];
  const exceeds = (part: number | null | undefined, whole: number | null | undefined) =>
    part !== null && part !== undefined && whole !== null && whole !== undefined && part > whole;
  if (exceeds(figures.workersWhoAreMembers, figures.workers)) {
    errors.push({
      field: 'workersWhoAreMembers',
      message: { vi: 'Không thể lớn hơn tổng số lao động thường xuyên', en: 'Cannot exceed the number of regular workers' },
    });
  }
  if (exceeds(figures.memberServiceRevenue, figures.revenue)) {
    errors.push({
      field: 'memberServiceRevenue',
      message: { vi: 'Không thể lớn hơn tổng doanh thu', en: 'Cannot exceed total revenue' },
    });
  }
  const memberKinds = [figures.memberIndividuals, figures.memberHouseholds, figures.memberLegalEntities];
  const officialAndAssociate = [figures.officialMembers, figures.associateMembersWithCapital, figures.associateMembersWithoutCapital];
  const sum = (values: (number | null | undefined)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
  if (memberKinds.every((value) => value !== null && value !== undefined) && officialAndAssociate.some((value) => value)) {
    if (sum(memberKinds) > sum(officialAndAssociate)) {
      errors.push({
        field: 'memberIndividuals',
        message: {
          vi: 'Cá nhân + hộ gia đình + pháp nhân nhiều hơn tổng số thành viên',
          en: 'Individuals + households + legal entities exceed the total number of members',
        },
      });
    }
  }
  if (figures.notRatedReason && figures.classificationScore !== null && figures.classificationScore !== undefined) {
    errors.push({
      field: 'classificationScore',
      message: { vi: 'Năm không xếp loại thì không có điểm', en: 'A year that is not rated has no score' },
    });
  }
  return errors;
}
