/**
 * Reads an address written the way lists are written ("Xã A, huyện B, tỉnh C", before or after
 * 1 July 2025) and finds the commune it is in today. Where the old commune was split, or the
 * name fits several places, it returns the candidates for a person to choose: it never guesses.
 */
import { foldVietnamese } from '../../platform/search-text.ts';

export type NewCommuneUnit = { code: string; name: string; provinceCode: string; provinceName: string };
export type OldCommuneUnit = {
  oldCode: string;
  oldName: string;
  districtName: string;
  provinceName: string;
  newCode: string;
  part: 'full' | 'partial';
};
export type ProvinceUnit = { code: string; name: string; isOld: boolean; newCode: string };

export type AddressIndex = {
  newByName: Map<string, NewCommuneUnit[]>;
  newByCode: Map<string, NewCommuneUnit>;
  oldByName: Map<string, OldCommuneUnit[]>;
  provincesByName: Map<string, ProvinceUnit[]>;
};

export type Candidate = { code: string; label: string };
export type AddressResolution =
  | { status: 'resolved'; communeCode: string; addressLine: string | null; fromOldAddress: boolean }
  | { status: 'choose'; reason: 'split' | 'ambiguous'; candidates: Candidate[]; addressLine: string | null }
  | { status: 'unknown'; addressLine: string | null };

const COMMUNE_PREFIXES = ['xa', 'phuong', 'thi tran', 'dac khu', 'tt', 'p', 'x'];
const DISTRICT_PREFIXES = ['huyen', 'quan', 'thi xa', 'thanh pho', 'tp', 'h', 'q', 'tx'];
const PROVINCE_PREFIXES = ['tinh', 'thanh pho', 'tp', 't'];

type Named = { type: string | null; proper: string };

/** "Phường Tân Tiến" → { type: 'phuong', proper: 'tan tien' }; abbreviations P./X./TT. become words. */
function splitPrefix(text: string, prefixes: string[]): Named {
  const folded = foldVietnamese(text);
  const canonical: Record<string, string> = {
    tt: 'thi tran',
    p: 'phuong',
    x: 'xa',
    tp: 'thanh pho',
    h: 'huyen',
    q: 'quan',
    tx: 'thi xa',
    t: 'tinh',
  };
  for (const prefix of prefixes) {
    if (folded.startsWith(`${prefix} `)) return { type: canonical[prefix] ?? prefix, proper: folded.slice(prefix.length + 1) };
  }
  return { type: null, proper: folded };
}

const properName = (name: string, prefixes: string[]) => splitPrefix(name, prefixes).proper;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildAddressIndex(units: {
  newCommunes: NewCommuneUnit[];
  oldCommunes: OldCommuneUnit[];
  provinces: ProvinceUnit[];
}): AddressIndex {
  const index: AddressIndex = { newByName: new Map(), newByCode: new Map(), oldByName: new Map(), provincesByName: new Map() };
  for (const unit of units.newCommunes) {
    push(index.newByName, properName(unit.name, COMMUNE_PREFIXES), unit);
    index.newByCode.set(unit.code, unit);
  }
  for (const unit of units.oldCommunes) push(index.oldByName, properName(unit.oldName, COMMUNE_PREFIXES), unit);
  for (const province of units.provinces) push(index.provincesByName, properName(province.name, PROVINCE_PREFIXES), province);
  return index;
}

const labelOf = (unit: NewCommuneUnit) => `${unit.name}, ${unit.provinceName}`;
const sameType = (type: string | null, name: string) => type === null || foldVietnamese(name).startsWith(`${type} `);

type Parts = { commune?: Named; district?: Named; province?: { proper: string; units: ProvinceUnit[] }; rest: string[] };

function splitAddress(text: string, index: AddressIndex): Parts {
  const pieces = text
    .split(/[,;\n]/)
    .map((piece) => piece.trim())
    .filter(Boolean);
  const parts: Parts = { rest: [] };
  const last = pieces.at(-1);
  if (last) {
    const proper = properName(last, PROVINCE_PREFIXES);
    const units = index.provincesByName.get(proper);
    if (units) {
      parts.province = { proper, units };
      pieces.pop();
    }
  }
  for (let position = pieces.length - 1; position >= 0; position -= 1) {
    const piece = pieces[position] ?? '';
    const asDistrict = splitPrefix(piece, DISTRICT_PREFIXES);
    const asCommune = splitPrefix(piece, COMMUNE_PREFIXES);
    if (!parts.district && !parts.commune && asDistrict.type) parts.district = asDistrict;
    else if (!parts.commune && asCommune.type) parts.commune = asCommune;
    else parts.rest.unshift(piece);
  }
  return parts;
}

function matchesProvince(provinceName: string, wanted: Parts['province']): boolean {
  return !wanted || properName(provinceName, PROVINCE_PREFIXES) === wanted.proper;
}

function fromOldUnits(matches: OldCommuneUnit[], index: AddressIndex, addressLine: string | null): AddressResolution | undefined {
  if (matches.length === 0) return undefined;
  const codes = [...new Set(matches.map((unit) => unit.newCode))];
  const oldCodes = new Set(matches.map((unit) => unit.oldCode));
  if (codes.length === 1 && oldCodes.size === 1 && matches[0]?.part === 'full') {
    return { status: 'resolved', communeCode: codes[0] ?? '', addressLine, fromOldAddress: true };
  }
  const candidates = codes.flatMap((code) => {
    const unit = index.newByCode.get(code);
    return unit ? [{ code, label: labelOf(unit) }] : [];
  });
  return { status: 'choose', reason: oldCodes.size === 1 ? 'split' : 'ambiguous', candidates, addressLine };
}

function fromNewUnits(matches: NewCommuneUnit[], addressLine: string | null): AddressResolution | undefined {
  if (matches.length === 0) return undefined;
  if (matches.length === 1) return { status: 'resolved', communeCode: matches[0]?.code ?? '', addressLine, fromOldAddress: false };
  return {
    status: 'choose',
    reason: 'ambiguous',
    candidates: matches.map((unit) => ({ code: unit.code, label: labelOf(unit) })),
    addressLine,
  };
}

export function resolveAddress(text: string, index: AddressIndex, hint: { provinceCode?: string } = {}): AddressResolution {
  const parts = splitAddress(text, index);
  const addressLine = parts.rest.join(', ') || null;
  if (!parts.commune) return { status: 'unknown', addressLine: text.trim() || null };
  const { commune, district, province } = parts;

  const oldMatches = (index.oldByName.get(commune.proper) ?? []).filter(
    (unit) =>
      sameType(commune.type, unit.oldName) &&
      matchesProvince(unit.provinceName, province) &&
      (!district || properName(unit.districtName, DISTRICT_PREFIXES) === district.proper),
  );
  const newProvinceCodes = province ? new Set(province.units.map((unit) => unit.newCode)) : undefined;
  const newMatches = (index.newByName.get(commune.proper) ?? []).filter(
    (unit) =>
      sameType(commune.type, unit.name) &&
      (!newProvinceCodes || newProvinceCodes.has(unit.provinceCode)) &&
      (!hint.provinceCode || newProvinceCodes || unit.provinceCode === hint.provinceCode),
  );
  // A district or a province that no longer exists says the address was written before July 2025.
  const isOldStyle = Boolean(district) || Boolean(province?.units.every((unit) => unit.isOld));
  const attempts = isOldStyle
    ? [() => fromOldUnits(oldMatches, index, addressLine), () => fromNewUnits(newMatches, addressLine)]
    : [() => fromNewUnits(newMatches, addressLine), () => fromOldUnits(oldMatches, index, addressLine)];
  for (const attempt of attempts) {
    const result = attempt();
    if (result) return result;
  }
  return { status: 'unknown', addressLine };
}
