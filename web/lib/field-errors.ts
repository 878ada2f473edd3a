import type { Problem } from '../../contracts/common.ts';

type Issue = { path: PropertyKey[]; message: string };

/** The first message for each top-level field, from Zod issues or a problem's `errors`. */
export function fieldErrorsFromIssues(
  issues: readonly Issue[],
  translate: (field: string, message: string) => string = (_field, message) => message,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (field && errors[field] === undefined) errors[field] = translate(field, issue.message);
  }
  return errors;
}

export function fieldErrorsFromProblem(problem: Problem): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const field = error.field.split('.')[0] ?? error.field;
    if (errors[field] === undefined) errors[field] = error.message;
  }
  return errors;
}
