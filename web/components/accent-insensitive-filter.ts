import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

/** "Hà Nội", "ha noi" and "HA NOI" compare equal; đ reads as d. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** For Select data filtered in the browser (provinces, enums): typing without accents still finds. */
export const accentInsensitiveFilter: OptionsFilter = ({ options, search, limit }) => {
  const words = foldText(search).split(/\s+/).filter(Boolean);
  const matches = (item: ComboboxItem) => {
    const label = foldText(item.label);
    return words.every((word) => label.includes(word));
  };
  const result: ComboboxParsedItem[] = [];
  for (const option of options) {
    if (result.length >= limit) break;
    if ('group' in option) {
      const items = option.items.filter(matches);
      if (items.length > 0) result.push({ group: option.group, items });
    } else if (matches(option)) {
      result.push(option);
    }
  }
  return result;
};
