/** Placeholder: the page is being built. */
export function BankReferralsPage() {
  return null;
}
