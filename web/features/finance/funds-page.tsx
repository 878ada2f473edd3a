/** Placeholder: the page is being built. */
export function FundsPage() {
  return null;
}
