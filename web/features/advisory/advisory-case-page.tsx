/** Placeholder: the page is being built. */
export function AdvisoryCasePage() {
  return null;
}
