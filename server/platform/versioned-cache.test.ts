import { describe, expect, it } from 'vitest';
import { createVersionedCache } from './versioned-cache.ts';

describe('answers kept under a data version', () => {
  it('reuses an answer only at the version it was read at', () => {
    const cache = createVersionedCache<string>(10);
    cache.set(3, 'a', 'page at 3');
    expect(cache.get(3, 'a')).toBe('page at 3');
    expect(cache.get(4, 'a')).toBeUndefined();
    // A slow read that started before the change must not replace newer answers.
    cache.set(4, 'b', 'page at 4');
    cache.set(3, 'a', 'late page at 3');
    expect(cache.get(4, 'a')).toBeUndefined();
    expect(cache.get(4, 'b')).toBe('page at 4');
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const cache = createVersionedCache<number>(2);
    cache.set(1, 'x', 1);
    cache.set(1, 'y', 2);
    cache.get(1, 'x');
    cache.set(1, 'z', 3);
    expect(cache.get(1, 'y')).toBeUndefined();
    expect(cache.get(1, 'x')).toBe(1);
    expect(cache.get(1, 'z')).toBe(3);
    const off = createVersionedCache<number>(0);
    off.set(1, 'x', 1);
    expect(off.get(1, 'x')).toBeUndefined();
  });
});
