import { describe, expect, it } from 'vitest';
import { readAdministrativeUnits, toAddressIndexUnits } from './admin-units.loader.ts';
import { buildAddressIndex, resolveAddress } from './address.rules.ts';

const index = buildAddressIndex(toAddressIndexUnits(readAdministrativeUnits()));

describe('addresses written before and after July 2025', () => {
  it('maps the sample list to the communes of today (shared/data/samples/README.md)', () => {
    const resolved = (text: string) => {
      const result = resolveAddress(text, index);
      return result.status === 'resolved' ? result.communeCode : result.status;
    };
    expect(resolved('Phường Tân Tiến, Thành phố Bắc Giang, tỉnh Bắc Giang')).toBe('07699');
    expect(resolved('Xã Tả Ván, huyện Quản Bạ, tỉnh Hà Giang')).toBe('00892');
    expect(resolved('Xã Đồng Tiến, huyện Yên Thế, tỉnh Bắc Giang')).toBe('07246');
    expect(resolved('Xã Hải Đông, huyện Hải Hậu, tỉnh Nam Định')).toBe('14287');
  });

  it('asks which commune when the old one was split, offering only its successors', () => {
    const result = resolveAddress('Phường Quang Trung, thành phố Hà Giang, tỉnh Hà Giang', index);
    expect(result).toMatchObject({ status: 'choose', reason: 'split' });
    expect(result.status === 'choose' && result.candidates.map((candidate) => candidate.code).sort()).toEqual(['00691', '00694']);
  });

  it('asks when the district that would decide is missing', () => {
    const result = resolveAddress('Xã Đồng Tiến, tỉnh Bắc Giang', index);
    expect(result).toMatchObject({ status: 'choose', reason: 'ambiguous' });
    expect(result.status === 'choose' && result.candidates.map((candidate) => candidate.code).sort()).toEqual(['07246', '07822']);
  });

  it('reads new-style addresses and keeps the street part', () => {
    expect(resolveAddress('Thôn Đông, Phường Tân Tiến, tỉnh Bắc Ninh', index)).toEqual({
      status: 'resolved',
      communeCode: '07699',
      addressLine: 'Thôn Đông',
      fromOldAddress: false,
    });
    expect(resolveAddress('Số 5 đường Trần Phú', index).status).toBe('unknown');
  });
});
