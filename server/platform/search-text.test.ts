import { describe, expect, it } from 'vitest';
import { foldVietnamese, toSearchText, toSearchTokens, toSortKey } from './search-text.ts';

const matches = (stored: string, query: string) => toSearchTokens(query).every((token) => toSearchText(stored).includes(token));

describe('search text', () => {
  it('folds case, diacritics and đ', () => {
    expect(foldVietnamese('Hợp tác xã ĐỒNG TÂM')).toBe('hop tac xa dong tam');
  });

  it('finds "Hợp tác xã Đồng Tâm" by every usual spelling', () => {
    const name = 'Hợp tác xã Đồng Tâm';
    for (const query of ['hop tac xa dong tam', 'HTX Đồng Tâm', 'ĐỒNG TÂM', 'Đồng Tâm'.normalize('NFD'), 'tam dong', 'htx dong']) {
      expect(matches(name, query), query).toBe(true);
    }
    expect(matches(name, 'dong tien')).toBe(false);
  });

  it('expands THT, LH/LHHTX and DN both ways', () => {
    expect(matches('Tổ hợp tác Rau sạch', 'THT rau sach')).toBe(true);
    expect(matches('THT Rau sạch', 'to hop tac rau')).toBe(true);
    expect(matches('Liên hiệp HTX Thương mại', 'LHHTX thuong mai')).toBe(true);
    expect(matches('Liên hiệp hợp tác xã Thương mại', 'LH HTX thuong mai')).toBe(true);
    expect(matches('DN Minh Phát', 'doanh nghiep minh phat')).toBe(true);
  });

  it('drops a search word that another contains', () => {
    expect(toSearchTokens('dong dong tam')).toEqual(['dong', 'tam']);
  });
});

describe('Vietnamese sort key', () => {
  const sorted = (names: string[]) => [...names].sort((a, b) => (toSortKey(a) < toSortKey(b) ? -1 : 1));

  it('puts đ after d and before e, not after z', () => {
    expect(sorted(['Zô', 'Đồng Tâm', 'Dương', 'Ea Súp'])).toEqual(['Dương', 'Đồng Tâm', 'Ea Súp', 'Zô']);
  });

  it('orders a ă â and o ô ơ and u ư', () => {
    expect(sorted(['Ân', 'Ăn', 'An', 'Bình'])).toEqual(['An', 'Ăn', 'Ân', 'Bình']);
    expect(sorted(['Ưu', 'Ơn', 'Ông', 'Ong', 'Uy'])).toEqual(['Ong', 'Ông', 'Ơn', 'Uy', 'Ưu']);
  });

  it('compares upper and lower case as the same letter, tones after the base letter', () => {
    expect(toSortKey('ĐỒNG TÂM')).toBe(toSortKey('đồng tâm'));
    expect(sorted(['má', 'mà', 'ma', 'mạ', 'mả', 'mã', 'mai'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ', 'mai']);
  });

  it('sorts a shorter word first', () => {
    expect(sorted(['Anh', 'An Bình', 'An'])).toEqual(['An', 'An Bình', 'Anh']);
  });
});
