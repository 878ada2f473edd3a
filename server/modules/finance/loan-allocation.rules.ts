/**
 * How a repayment is shared among what the borrower owes. The order of the components is rules
 * data (a fund's rules row, copied onto the contract when it is signed); within a component the
 * oldest amount is paid first.
 */

export const allocationComponents = ['overdue_interest', 'interest', 'principal'] as const;
export type AllocationComponent = (typeof allocationComponents)[number];

/** Overdue interest (lãi quá hạn) first, then interest (lãi trong hạn), then principal (gốc). */
export const DEFAULT_ALLOCATION_ORDER: readonly AllocationComponent[] = ['overdue_interest', 'interest', 'principal'];

/** One amount owed: `dueDate` orders amounts of the same component (null: owed since no particular date). */
export type Due = { component: AllocationComponent; dueDate: string | null; amount: number };
export type Allocation = { component: AllocationComponent; dueDate: string | null; amount: number };

/** An order is valid when it names every component once. */
export function isAllocationOrder(order: readonly string[]): order is readonly AllocationComponent[] {
  return order.length === allocationComponents.length && allocationComponents.every((component) => order.includes(component));
}

/**
 * Pays `amount` towards `dues` in the given order of components, oldest first within each.
 * Returns what went where and what is left over; nothing is lost or created:
 * Σ allocations + remainder = amount, and no due receives more than it asked.
 */
export function allocatePayment(
  amount: number,
  dues: readonly Due[],
  order: readonly AllocationComponent[] = DEFAULT_ALLOCATION_ORDER,
): { allocations: Allocation[]; remainder: number } {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`A payment is a whole, non-negative number of đồng: ${amount}`);
  const rank = (component: AllocationComponent) => order.indexOf(component);
  const sorted = dues
    .map((due, index) => ({ due, index }))
    .filter(({ due }) => due.amount > 0)
    .sort(
      (a, b) =>
        rank(a.due.component) - rank(b.due.component) || (a.due.dueDate ?? '').localeCompare(b.due.dueDate ?? '') || a.index - b.index,
    );
  const allocations: Allocation[] = [];
  let remainder = amount;
  for (const { due } of sorted) {
    if (remainder === 0) break;
    if (!Number.isSafeInteger(due.amount)) throw new RangeError(`A due is a whole number of đồng: ${due.amount}`);
    const paid = Math.min(remainder, due.amount);
    allocations.push({ component: due.component, dueDate: due.dueDate, amount: paid });
    remainder -= paid;
  }
  return { allocations, remainder };
}

/** Allocations added up by component, for statements and collection reports. */
export function sumByComponent(allocations: readonly Allocation[]): Record<AllocationComponent, number> {
  const totals: Record<AllocationComponent, number> = { overdue_interest: 0, interest: 0, principal: 0 };
  for (const allocation of allocations) totals[allocation.component] += allocation.amount;
  return totals;
}
