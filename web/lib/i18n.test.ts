import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translations } from '../locales/translations.ts';

/** Every key of a locale file, plural forms (_one, _other) counted as their base key. */
function keysOf(tree: object, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = `${prefix}${key}`;
    if (value && typeof value === 'object') for (const inner of keysOf(value, `${name}.`)) keys.add(inner);
    else keys.add(name.replace(/_(zero|one|two|few|many|other)$/, ''));
  }
  return keys;
}

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('translations', () => {
  const viKeys = keysOf(translations.vi);
  const enKeys = keysOf(translations.en);

  it('have the same keys in Vietnamese and English', () => {
    expect([...viKeys].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !viKeys.has(key))).toEqual([]);
  });

  it('have every key the screens ask for by name', () => {
    const webDirectory = path.resolve(import.meta.dirname, '..');
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(webDirectory)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) {
        const key = match[1] ?? '';
        checked += 1;
        if (!viKeys.has(key)) missing.push(`${path.relative(webDirectory, file)}: ${key}`);
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });
});
