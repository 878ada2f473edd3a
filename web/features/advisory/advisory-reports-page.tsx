/** Placeholder: the page is being built. */
export function AdvisoryReportsPage() {
  return null;
}
