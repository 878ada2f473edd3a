import fs from 'node:fs';
import path from 'node:path';
import type { CommuneTable, OldCommuneTable, OldProvinceTable, ProvinceTable } from '../../db/schema.ts';
import { toSearchText, toSortKey } from '../../platform/search-text.ts';
import { type AddressIndex, buildAddressIndex } from './address.rules.ts';
import type { PlacesRepository } from './places.repository.ts';

const DATA_DIRECTORY = path.resolve(import.meta.dirname, '../../../data/admin-units');

/** The files hold no quoted fields (checked in SOURCE.md's data): a plain split is exact. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(DATA_DIRECTORY, file), 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line) => {
    const values = line.split(',');
    return Object.fromEntries(columns.map((column, index) => [column, (values[index] ?? '').normalize('NFC')]));
  });
}

export function readAdministrativeUnits() {
  const provinces: ProvinceTable[] = readCsv('provinces.csv').map((row) => ({
    code: row.code ?? '',
    name: row.name ?? '',
    full_name: row.full_name ?? '',
    type: row.type === 'thanh_pho' ? 'thanh_pho' : 'tinh',
    sort_key: toSortKey(row.name ?? ''),
  }));
  const communes: CommuneTable[] = readCsv('communes.csv').map((row) => ({
    code: row.code ?? '',
    name: row.name ?? '',
    type: (row.type ?? 'xa') as CommuneTable['type'],
    province_code: row.province_code ?? '',
    search_text: toSearchText(row.name),
    // "Xã", "Phường" prefixes are the same for many: sort by the proper name.
    sort_key: toSortKey((row.name ?? '').replace(/^(Xã|Phường|Đặc khu)\s+/u, '')),
  }));
  const oldProvinces: OldProvinceTable[] = readCsv('old_provinces_to_new.csv').map((row) => ({
    old_province_code: row.old_province_code ?? '',
    old_province_name: row.old_province_name ?? '',
    new_province_code: row.new_province_code ?? '',
  }));
  const oldCommunes: OldCommuneTable[] = readCsv('old_to_new.csv').map((row) => ({
    old_commune_code: row.old_commune_code ?? '',
    old_commune_name: row.old_commune_name ?? '',
    old_district_code: row.old_district_code ?? '',
    old_district_name: row.old_district_name ?? '',
    old_province_code: row.old_province_code ?? '',
    old_province_name: row.old_province_name ?? '',
    new_commune_code: row.new_commune_code ?? '',
    part: row.part === 'partial' ? 'partial' : 'full',
  }));
  return { provinces, communes, oldProvinces, oldCommunes };
}

/**
 * Loads the units on a database that has none. Units already there are left alone: an
 * administrator may have corrected them since (renamed, re-coded), and that must not be undone.
 */
export async function ensureAdministrativeUnits(places: PlacesRepository): Promise<boolean> {
  const counts = await places.countUnits();
  if (counts.provinces > 0) return false;
  await places.insertUnits(readAdministrativeUnits());
  return true;
}

/** The index the address reader works on, from the same rows the database holds. */
export function toAddressIndexUnits(units: {
  provinces: ProvinceTable[];
  communes: CommuneTable[];
  oldProvinces: OldProvinceTable[];
  oldCommunes: OldCommuneTable[];
}) {
  const provinceNames = new Map(units.provinces.map((province) => [province.code, province.full_name]));
  const oldProvinceNames = new Map(units.oldProvinces.map((province) => [province.old_province_code, province.old_province_name]));
  return {
    newCommunes: units.communes.map((commune) => ({
      code: commune.code,
      name: commune.name,
      provinceCode: commune.province_code,
      provinceName: provinceNames.get(commune.province_code) ?? '',
    })),
    oldCommunes: units.oldCommunes.map((unit) => ({
      oldCode: unit.old_commune_code,
      oldName: unit.old_commune_name,
      districtName: unit.old_district_name,
      provinceName: oldProvinceNames.get(unit.old_province_code) ?? unit.old_province_name,
      newCode: unit.new_commune_code,
      part: unit.part,
    })),
    provinces: [
      ...units.provinces.map((province) => ({ code: province.code, name: province.full_name, isOld: false, newCode: province.code })),
      ...units.oldProvinces.map((province) => ({
        code: province.old_province_code,
        name: province.old_province_name,
        isOld: true,
        newCode: province.new_province_code,
      })),
    ],
  };
}

/** The address index over the units as the database holds them now (corrections included). */
export async function loadAddressIndex(places: Pick<PlacesRepository, 'findAllUnits'>): Promise<AddressIndex> {
  return buildAddressIndex(toAddressIndexUnits(await places.findAllUnits()));
}
