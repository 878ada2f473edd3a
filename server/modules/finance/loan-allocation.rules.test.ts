import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocationComponent, allocatePayment, allocationComponents, type Due, isAllocationOrder } from './loan-allocation.rules.ts';

describe('allocating a repayment', () => {
  const dues: Due[] = [
    { component: 'principal', dueDate: '2025-02-15', amount: 8_333_333 },
    { component: 'interest', dueDate: '2025-03-15', amount: 457_078 },
    { component: 'interest', dueDate: '2025-02-15', amount: 552_055 },
    { component: 'overdue_interest', dueDate: null, amount: 31_164 },
    { component: 'principal', dueDate: '2025-03-15', amount: 8_333_333 },
  ];

  it('pays overdue interest, then interest oldest first, then principal oldest first', () => {
    // 1,000,000 = 31,164 overdue interest + 552,055 interest of February + 416,781 of March's 457,078.
    expect(allocatePayment(1_000_000, dues)).toEqual({
      allocations: [
        { component: 'overdue_interest', dueDate: null, amount: 31_164 },
        { component: 'interest', dueDate: '2025-02-15', amount: 552_055 },
        { component: 'interest', dueDate: '2025-03-15', amount: 416_781 },
      ],
      remainder: 0,
    });
  });

  it('follows another order when the rules say so, and returns what is left over', () => {
    const result = allocatePayment(20_000_000, dues, ['principal', 'interest', 'overdue_interest']);
    expect(result.allocations.map((item) => item.component)).toEqual([
      'principal',
      'principal',
      'interest',
      'interest',
      'overdue_interest',
    ]);
    expect(result.remainder).toBe(20_000_000 - 8_333_333 * 2 - 457_078 - 552_055 - 31_164);
  });

  it('refuses fractions of a đồng and accepts only complete orders', () => {
    expect(() => allocatePayment(10.5, dues)).toThrow(RangeError);
    expect(isAllocationOrder(['interest', 'principal', 'overdue_interest'])).toBe(true);
    expect(isAllocationOrder(['interest', 'interest', 'principal'])).toBe(false);
  });
});

const dueArbitrary = fc.record({
  component: fc.constantFrom(...allocationComponents),
  dueDate: fc.option(fc.constantFrom('2025-01-15', '2025-02-15', '2025-03-15', '2025-04-15'), { nil: null }),
  amount: fc.integer({ min: 0, max: 2_000_000_000 }),
});
const orderArbitrary = fc.shuffledSubarray([...allocationComponents], { minLength: 3, maxLength: 3 }) as fc.Arbitrary<
  AllocationComponent[]
>;

describe('properties', () => {
  it('never loses or creates a đồng, and never pays a due more than it asks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000_000_000 }),
        fc.array(dueArbitrary, { maxLength: 12 }),
        orderArbitrary,
        (amount, dues, order) => {
          const { allocations, remainder } = allocatePayment(amount, dues, order);
          expect(allocations.reduce((sum, item) => sum + item.amount, 0) + remainder).toBe(amount);
          const owed = dues.reduce((sum, due) => sum + due.amount, 0);
          expect(remainder).toBe(Math.max(0, amount - owed));
          for (const component of allocationComponents) {
            const paid = allocations.filter((item) => item.component === component).reduce((sum, item) => sum + item.amount, 0);
            const asked = dues.filter((due) => due.component === component).reduce((sum, due) => sum + due.amount, 0);
            expect(paid).toBeLessThanOrEqual(asked);
          }
          for (const item of allocations) expect(item.amount).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('pays a later component only once every earlier one is settled', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.array(dueArbitrary, { maxLength: 12 }),
        orderArbitrary,
        (amount, dues, order) => {
          const { allocations } = allocatePayment(amount, dues, order);
          const last = allocations.at(-1);
          if (!last) return;
          const rank = order.indexOf(last.component);
          for (const component of order.slice(0, rank)) {
            const paid = allocations.filter((item) => item.component === component).reduce((sum, item) => sum + item.amount, 0);
            expect(paid).toBe(dues.filter((due) => due.component === component).reduce((sum, due) => sum + due.amount, 0));
          }
        },
      ),
    );
  });
});
