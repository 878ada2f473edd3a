/** Placeholder: the page is being built. */
export function AdvisoryListPage() {
  return null;
}
