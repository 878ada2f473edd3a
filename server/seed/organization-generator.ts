import type { OrganizationKind, OrganizationStatus, Sector } from '../../contracts/organizations.ts';

/**
 * Realistic registry rows for demos and benchmarks: Vietnamese names in the shapes offices
 * write them, spread over real communes, with the mix of kinds, statuses and sectors of
 * DOMAIN.md §9. Deterministic for a given seed.
 */
export type GeneratedOrganization = {
  kind: OrganizationKind;
  name: string;
  taxCode: string | null;
  registeredOn: string;
  communeCode: string;
  addressLine: string;
  status: OrganizationStatus;
  sector: Sector;
  isNewModel: boolean;
  charterCapital: number | null;
  legalRepresentative: string;
  directorName: string;
  phone: string;
};

const SECTOR_WEIGHTS: [Sector, number][] = [
  ['agriculture', 65],
  ['industry_handicraft', 8],
  ['trade_services', 8],
  ['transport', 5],
  ['construction', 4],
  ['credit', 3],
  ['environment', 3],
  ['housing', 1],
  ['other', 3],
];
const STATUS_WEIGHTS: [OrganizationStatus, number][] = [
  ['active', 78],
  ['inactive', 10],
  ['suspended', 4],
  ['dissolving', 2],
  ['dissolved', 4],
  ['revoked', 1],
  ['bankrupt', 1],
];
const KIND_WEIGHTS: [OrganizationKind, number][] = [
  ['cooperative', 62],
  ['cooperative_group', 30],
  ['enterprise', 7],
  ['cooperative_union', 1],
];

const ACTIVITY: Record<Sector, string[]> = {
  agriculture: [
    'Nông nghiệp',
    'Dịch vụ Nông nghiệp',
    'Rau an toàn',
    'Chè',
    'Lúa gạo',
    'Chăn nuôi',
    'Cây ăn quả',
    'Thủy sản',
    'Dược liệu',
    'Nấm',
    'Hoa cây cảnh',
    'Vải thiều',
    'Cà phê',
    'Hồ tiêu',
  ],
  industry_handicraft: ['Mây tre đan', 'Gốm sứ', 'Dệt may', 'Mộc mỹ nghệ', 'Chế biến nông sản', 'Cơ khí', 'Thêu ren'],
  trade_services: ['Thương mại Dịch vụ', 'Dịch vụ Tổng hợp', 'Du lịch Cộng đồng', 'Thương mại'],
  transport: ['Vận tải', 'Vận tải Hành khách', 'Vận tải Hàng hóa', 'Xe buýt'],
  construction: ['Xây dựng', 'Xây dựng và Vật liệu'],
  credit: ['Quỹ tín dụng nhân dân'],
  environment: ['Vệ sinh Môi trường', 'Môi trường Xanh', 'Nước sạch'],
  housing: ['Nhà ở'],
  other: ['Dịch vụ Điện', 'Khai thác Đá', 'Muối'],
};

const PROPER_NAMES = [
  'Đồng Tâm',
  'Tân Tiến',
  'Thành Công',
  'Hòa Bình',
  'Quyết Thắng',
  'Thắng Lợi',
  'Hưng Thịnh',
  'Phú Cường',
  'An Phát',
  'Bình Minh',
  'Hợp Lực',
  'Đoàn Kết',
  'Tiến Bộ',
  'Hồng Phong',
  'Quang Trung',
  'Trường Sơn',
  'Sông Hồng',
  'Phúc Lộc',
  'Kim Long',
  'Thịnh Vượng',
  'Ánh Dương',
  'Xuân Mai',
  'Hoa Ban',
  'Tả Ván',
  'Hải Đông',
  'Nam Sơn',
  'Đông Hưng',
  'Minh Châu',
  'Yên Bình',
  'Trung Thành',
  'Việt Hưng',
  'Đại Phát',
  'Thanh Bình',
  'Phú Thịnh',
  'Ngọc Lan',
  'Sen Hồng',
  'Lúa Vàng',
  'Tam Nông',
  'Đất Việt',
  'Hương Quê',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quang', 'Xuân', 'Thu'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hùng',
  'Hương',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Tuấn',
  'Yến',
];
const HAMLETS = ['Thôn', 'Xóm', 'Bản', 'Ấp', 'Tổ dân phố'];
const CHECK_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** A small, seedable generator (mulberry32): the same seed gives the same province. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const weighted = <T>(items: readonly [T, number][]): T => {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return items[0]?.[0] as T;
  };
  return { next, integer, pick, weighted };
}

type Random = ReturnType<typeof createRandom>;

function taxCode(random: Random, index: number, firstDigit = random.integer(1, 9)): string {
  // Nine digits that encode the index keep codes unique; the tenth is the check digit.
  const nine = `${firstDigit}${String(index % 100_000_000).padStart(8, '0')}`;
  const sum = CHECK_WEIGHTS.reduce((total, weight, position) => total + weight * Number(nine[position]), 0);
  const check = 10 - (sum % 11);
  // At most one first digit gives no valid check digit: the next one always does.
  if (check === 10) return taxCode(random, index, (firstDigit % 9) + 1);
  // A few old records carry a typo in the last digit, as real lists do.
  const last = random.next() < 0.02 ? (check + 1) % 10 : check;
  return `${nine}${last}`;
}

function personName(random: Random): string {
  return `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
}

function kindPrefix(random: Random, kind: OrganizationKind): string {
  switch (kind) {
    case 'cooperative':
      return random.next() < 0.5 ? 'Hợp tác xã' : 'HTX';
    case 'cooperative_union':
      return 'Liên hiệp Hợp tác xã';
    case 'cooperative_group':
      return random.next() < 0.6 ? 'Tổ hợp tác' : 'THT';
    case 'enterprise':
      return random.pick(['Công ty TNHH', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân']);
  }
}

/** Share of names taken from the commune's own places when they are given. */
const LOCAL_NAME_SHARE = 0.4;

export function generateOrganizations(options: {
  count: number;
  communeCodes: readonly string[];
  seed?: number;
  startIndex?: number;
  /**
   * Places inside each commune (villages, former communes) by commune code. Many cooperatives
   * are named after theirs ("HTX Nông nghiệp Xuân Phương"), which gives names a long tail.
   */
  localNames?: Readonly<Record<string, readonly string[]>>;
}): GeneratedOrganization[] {
  const random = createRandom(options.seed ?? 2025);
  const start = options.startIndex ?? 0;
  return Array.from({ length: options.count }, (_, offset) => {
    const index = start + offset;
    const kind = random.weighted(KIND_WEIGHTS);
    const sector = kind === 'cooperative_union' ? 'agriculture' : random.weighted(SECTOR_WEIGHTS);
    const activity = random.pick(ACTIVITY[sector]);
    const year = random.integer(1997, 2026);
    const registeredOn = `${year}-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;
    const hasTaxCode = kind !== 'cooperative_group' || random.next() < 0.15;
    const communeCode = random.pick(options.communeCodes);
    const local = options.localNames?.[communeCode];
    const placeName = local && local.length > 0 && random.next() < LOCAL_NAME_SHARE ? random.pick(local) : random.pick(PROPER_NAMES);
    return {
      kind,
      // A people's credit fund is a cooperative whose name carries no "HTX".
      name: activity.startsWith('Quỹ') ? `${activity} ${placeName}` : `${kindPrefix(random, kind)} ${activity} ${placeName}`,
      taxCode: hasTaxCode ? taxCode(random, index) : null,
      registeredOn,
      communeCode,
      addressLine: `${random.pick(HAMLETS)} ${random.integer(1, 15)}`,
      status: random.weighted(STATUS_WEIGHTS),
      sector,
      // New-model: organised under the current law, linked to a value chain; more common lately.
      isNewModel: kind === 'cooperative' && random.next() < (year >= 2013 ? 0.45 : 0.1),
      charterCapital: kind === 'cooperative_group' ? null : random.integer(1, 400) * 10_000_000,
      legalRepresentative: personName(random),
      directorName: personName(random),
      phone: `0${random.pick(['9', '8', '3'])}${String(random.integer(0, 99_999_999)).padStart(8, '0')}`,
    };
  });
}
