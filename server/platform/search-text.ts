/**
 * Vietnamese text for search and sorting, computed by the application so that SQLite and
 * PostgreSQL search and sort the same way without extensions or ICU collations.
 */

/** Abbreviations written in names and searches, expanded on both sides so either form finds the other. */
const ABBREVIATIONS: Record<string, string> = {
  htx: 'hop tac xa',
  lhhtx: 'lien hiep hop tac xa',
  lh: 'lien hiep',
  tht: 'to hop tac',
  dn: 'doanh nghiep',
  dnnvv: 'doanh nghiep nho va vua',
  cty: 'cong ty',
  tnhh: 'trach nhiem huu han',
  dv: 'dich vu',
  nn: 'nong nghiep',
  dvnn: 'dich vu nong nghiep',
  ttcn: 'tieu thu cong nghiep',
};

/** Lower case, no diacritics, đ → d, punctuation → spaces, single spaces. */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function expandWords(folded: string): string[] {
  return folded
    .split(' ')
    .filter((word) => word !== '')
    .flatMap((word) => (ABBREVIATIONS[word] ?? word).split(' '));
}

/** The text stored in a row's `search_text` column. */
export function toSearchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .map((part) => expandWords(foldVietnamese(part)).join(' '))
    .join(' | ');
}

/** The words of a search, each of which must occur in `search_text` (in any order). */
export function toSearchTokens(query: string | undefined | null): string[] {
  if (!query) return [];
  const words = expandWords(foldVietnamese(query));
  // A word contained in another adds nothing ("hop" and "hop tac"): keep the distinct longer ones.
  const unique = [...new Set(words)];
  return unique.filter((word) => !unique.some((other) => other !== word && other.includes(word))).slice(0, 12);
}

/** Vietnamese alphabet order; f, j, w, z (foreign words) take their Latin places. */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng. */
const TONES: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };
/** Marks that make a letter of its own (ă â ê ô ơ ư), as opposed to tones. */
const LETTER_MARKS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};

/**
 * A key whose byte order is Vietnamese alphabetical order: letters first (case-insensitive,
 * đ after d, ă â after a …), then tones as a tie-breaker, so "Đồng Tâm" sorts after "Dương" and
 * before "Ea Súp". Stored in `sort_key` and compared bytewise (COLLATE "C" on PostgreSQL).
 */
export function toSortKey(value: string): string {
  const letters: string[] = [];
  const tones: string[] = [];
  for (const char of value.normalize('NFD').toLowerCase()) {
    const tone = TONES[char];
    if (tone !== undefined) {
      if (tones.length > 0) tones[tones.length - 1] = tone;
      continue;
    }
    const marked = LETTER_MARKS[char];
    if (marked) {
      const previous = letters.at(-1);
      const letter = previous === undefined ? undefined : marked[decodeLetter(previous)];
      if (letter) letters[letters.length - 1] = encodeLetter(letter);
      continue;
    }
    if (/\s/.test(char)) {
      if (letters.length > 0 && letters.at(-1) !== '!') letters.push('!');
      continue;
    }
    if (/[0-9]/.test(char)) {
      letters.push(char);
      tones.push('0');
      continue;
    }
    const index = ALPHABET.indexOf(char);
    if (index >= 0) {
      letters.push(encodeLetter(char));
      tones.push('0');
    }
  }
  while (letters.at(-1) === '!') letters.pop();
  // ' ' sorts below every letter code, so "An" comes before "An Bình" and "Anh".
  return `${letters.join('')} ${tones.join('')}`;
}

function encodeLetter(letter: string): string {
  return String.fromCharCode(0x41 + ALPHABET.indexOf(letter));
}

function decodeLetter(code: string): string {
  return ALPHABET[code.charCodeAt(0) - 0x41] ?? '';
}
