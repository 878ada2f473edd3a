import type { AuditEntry } from '../../../contracts/common.ts';
import { useCommunesByCode, useProvinces } from './api.ts';

/** Names for the commune and province codes that appear in a history's changes, by code. */
export function usePlaceNames(entries: AuditEntry[]): Map<string, string> {
  const communeCodes = entries.flatMap((entry) =>
    entry.changes
      .filter((change) => change.field === 'communeCode')
      .flatMap((change) => [change.before, change.after])
      .filter((value): value is string => typeof value === 'string' && /^\d{5}$/.test(value)),
  );
  const communes = useCommunesByCode(communeCodes);
  const provinces = useProvinces();
  const names = new Map<string, string>();
  for (const province of provinces.data ?? []) names.set(province.code, province.fullName);
  for (const commune of communes.data ?? []) names.set(commune.code, commune.name);
  return names;
}
