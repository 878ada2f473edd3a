import { describe, expect, it } from 'vitest';
import { sharedReads } from './data-versions.ts';

/** A read that ends when the test says so, answering how many reads had started by then. */
function controlledReads() {
  const pending: (() => void)[] = [];
  let started = 0;
  const read = () =>
    new Promise<number>((resolve) => {
      started += 1;
      const number = started;
      pending.push(() => resolve(number));
    });
  return { read, started: () => started, finishOldest: () => pending.shift()?.() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reads shared by the requests that arrive together', () => {
  it('serves callers who arrive while a read runs with one read that starts after it', async () => {
    const reads = controlledReads();
    const readShared = sharedReads(reads.read);
    const first = readShared();
    const later = [readShared(), readShared(), readShared()];
    expect(reads.started()).toBe(1);
    reads.finishOldest();
    expect(await first).toBe(1);
    await settle();
    // The three arrived after read 1 began, so it may have missed a change made before they came.
    expect(reads.started()).toBe(2);
    reads.finishOldest();
    expect(await Promise.all(later)).toEqual([2, 2, 2]);
  });

  it('reads again for a caller who comes after the last read ended', async () => {
    const reads = controlledReads();
    const readShared = sharedReads(reads.read);
    const first = readShared();
    reads.finishOldest();
    await first;
    const second = readShared();
    reads.finishOldest();
    expect(await second).toBe(2);
  });

  it('lets a failed read fail only its own callers', async () => {
    let calls = 0;
    const readShared = sharedReads(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return calls;
    });
    const failing = readShared();
    const waiting = readShared();
    await expect(failing).rejects.toThrow('connection lost');
    expect(await waiting).toBe(2);
  });
});
