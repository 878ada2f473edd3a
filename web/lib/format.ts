/** Every number, amount and date the user reads goes through here (vi-VN digits: 1.234.567). */

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const instantFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const scoreFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A classification score keeps its decimals: 70.5 → "70,5". */
export function formatScore(value: number): string {
  return scoreFormat.format(value);
}

/** A share already in percent: 62.5 → "62,5%". */
export function formatPercent(value: number): string {
  return `${percentFormat.format(value)}%`;
}

/** Hours of work in quarter hours: 1.25 → "1,25". */
export function formatHours(value: number): string {
  return scoreFormat.format(value);
}

const rateFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A yearly rate in basis points: 650 → "6,5%/năm" (the unit word from the caller's language via `perYear`). */
export function formatRateBp(basisPoints: number, perYear = '%/năm'): string {
  return `${rateFormat.format(basisPoints / 100)}${perYear}`;
}

/** Whole đồng: 1200000000 → "1.200.000.000 đ". */
export function formatMoney(value: number): string {
  return `${numberFormat.format(value)} đ`;
}

const shortFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A large amount at a glance, in the units reports use: 12345000000 → "12,3 tỷ đ", 850000000 → "850 triệu đ". */
export function formatMoneyShort(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e9) return `${shortFormat.format(value / 1e9)} tỷ đ`;
  if (size >= 1e6) return `${shortFormat.format(value / 1e6)} triệu đ`;
  return formatMoney(value);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "2024-07-01" → "01/07/2024"; an instant is shown as its date in Vietnam. */
export function formatDate(value: string): string {
  const match = CALENDAR_DATE.exec(value);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  const parts = instantParts(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year}` : value;
}

/** An instant "2025-07-01T03:04:00Z" → "01/07/2025 10:04" (Asia/Ho_Chi_Minh). */
export function formatDateTime(value: string): string {
  const parts = instantParts(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : value;
}

function instantParts(value: string): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(instantFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** What a user types, "1/7/2024" or "01/07/2024", → "2024-07-01"; null when it is not a real date. */
export function parseDisplayDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
