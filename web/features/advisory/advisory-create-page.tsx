/** Placeholder: the page is being built. */
export function AdvisoryCreatePage() {
  return null;
}
