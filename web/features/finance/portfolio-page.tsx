/** Placeholder: the page is being built. */
export function PortfolioPage() {
  return null;
}
