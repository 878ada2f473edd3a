import { describe, expect, it } from 'vitest';
import { matchPersonHeaders, parseBirthYear, parseGender, parsePosition } from './person-sheet.rules.ts';

describe('reading a list of people', () => {
  it('knows the positions as offices write them, and not their deputies', () => {
    expect(parsePosition('Chủ tịch HĐQT kiêm Giám đốc')).toBe('chair');
    expect(parsePosition('GIÁM ĐỐC')).toBe('director');
    expect(parsePosition('Kế toán trưởng')).toBe('accountant');
    expect(parsePosition('Trưởng ban kiểm soát')).toBe('controller');
    expect(parsePosition('Người đại diện theo pháp luật')).toBe('legal_representative');
    expect(parsePosition('Tổ trưởng tổ hợp tác')).toBe('chair');
    expect(parsePosition('Phó Giám đốc')).toBeUndefined();
    expect(parsePosition('Thủ kho')).toBeUndefined();
  });

  it('takes a birth year from a year or a birth date, and refuses what cannot be', () => {
    expect(parseBirthYear(1975, 2026)).toEqual({ ok: true, value: 1975 });
    expect(parseBirthYear('12/03/1988', 2026)).toEqual({ ok: true, value: 1988 });
    expect(parseBirthYear(new Date('1990-05-01T00:00:00Z'), 2026)).toEqual({ ok: true, value: 1990 });
    expect(parseBirthYear('2020', 2026).ok).toBe(false);
    expect(parseBirthYear('năm mươi', 2026).ok).toBe(false);
  });

  it('reads Nam/Nữ in any case or spelling', () => {
    expect(parseGender('nữ')).toEqual({ ok: true, value: 'female' });
    expect(parseGender('NAM')).toEqual({ ok: true, value: 'male' });
    expect(parseGender('khác').ok).toBe(false);
  });

  it('finds the header by name, position and the organisation, whatever the spelling', () => {
    const header = matchPersonHeaders(['STT', 'HỌ VÀ TÊN', 'Chức vụ', 'MST', 'SĐT', 'Quê quán'], 4);
    expect(header?.columns.map((match) => match.key)).toEqual(['fullName', 'position', 'taxCode', 'phone']);
    expect(header?.unknownHeaders).toEqual(['Quê quán']);
    expect(matchPersonHeaders(['Họ và tên', 'Điện thoại'], 1)).toBeUndefined();
  });
});
