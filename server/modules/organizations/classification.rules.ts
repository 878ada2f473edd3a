import type { ClassificationBand, ClassificationRubric } from '../../../contracts/annual-reports.ts';

/** The rubric in force for a year: the latest one that applies from that year or before. */
export function rubricForYear(rubrics: readonly ClassificationRubric[], year: number): ClassificationRubric | undefined {
  return [...rubrics].filter((rubric) => rubric.appliesFromYear <= year).sort((a, b) => b.appliesFromYear - a.appliesFromYear)[0];
}

/** The band a score falls in: the highest band whose lowest score it reaches. */
export function bandForScore(rubric: ClassificationRubric, score: number): ClassificationBand | undefined {
  return [...rubric.bands].sort((a, b) => b.minScore - a.minScore).find((band) => score >= band.minScore)?.band;
}

/** A band only for a rated year with a score and a rubric; otherwise none. */
export function classify(
  rubrics: readonly ClassificationRubric[],
  year: number,
  score: number | null | undefined,
  notRatedReason: string | null | undefined,
): ClassificationBand | null {
  if (score === null || score === undefined || notRatedReason) return null;
  const rubric = rubricForYear(rubrics, year);
  return (rubric && bandForScore(rubric, score)) ?? null;
}
