/**
 * Evenly spaced whole-number ticks from 0 for a chart of counts whose largest value is `max`:
 * steps of 1, 2, 5, 10, 20, 50 … giving at most five intervals. Left to itself the chart library
 * picks whole numbers at uneven distances (0, 1, 3, 4) for small counts.
 */
export function countTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  let step = 1;
  for (let scale = 1; step * 5 < top; scale *= 10) {
    step = [1, 2, 5].map((factor) => factor * scale).find((candidate) => candidate * 5 >= top) ?? scale * 10;
  }
  const last = Math.ceil(top / step) * step;
  return Array.from({ length: last / step + 1 }, (_, index) => index * step);
}

/** The y-axis of a counts chart: its ticks and a domain ending on the last one. */
export function countAxis(values: number[]) {
  const ticks = countTicks(Math.max(0, ...values));
  return { ticks, domain: [0, ticks.at(-1) ?? 1] as [number, number], interval: 0 as const, allowDecimals: false };
}
