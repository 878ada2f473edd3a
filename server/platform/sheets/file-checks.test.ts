import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { checkSheetFile, SHEET_LIMITS } from './file-checks.ts';
import { readSheetRows } from './sheet-reader.ts';

/** A minimal ZIP holding the named entries, as an attacker could write one. */
function zipOf(entries: { name: string; content: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const compressed = deflateRawSync(entry.content);
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    directory.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directoryBuffer = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBuffer.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBuffer, end]);
}

const refusal = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error.detail.vi;
    throw error;
  }
  throw new Error('expected the file to be refused');
};

describe('uploaded spreadsheets', () => {
  it('accepts a real workbook and a UTF-8 CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').addRow(['Tên HTX', 'Mã số thuế']);
    expect(checkSheetFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'a.xlsx')).toBe('xlsx');
    expect(checkSheetFile(Buffer.from('Tên HTX,MST\nHTX A,0100109106\n'), 'a.csv')).toBe('csv');
  });

  it('refuses a zip bomb before unpacking it', () => {
    const bomb = zipOf([
      { name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(20 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(refusal(() => checkSheetFile(bomb, 'bom.xlsx'))).toContain('giải nén lớn bất thường');
  });

  it('refuses a zip that is not a workbook, an encrypted entry and an oversized file', () => {
    expect(refusal(() => checkSheetFile(zipOf([{ name: 'a.txt', content: Buffer.from('x') }]), 'a.xlsx'))).toContain('bị hỏng');
    const encrypted = zipOf([{ name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') }]);
    const directoryStart = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(1, directoryStart + 8);
    expect(refusal(() => checkSheetFile(encrypted, 'a.xlsx'))).toContain('mã hóa');
    expect(refusal(() => checkSheetFile(Buffer.alloc(SHEET_LIMITS.maxBytes + 1, 0x41), 'a.csv'))).toContain('50 MB');
  });

  it('refuses a CSV with more than 200,000 rows while reading it', async () => {
    const csv = Buffer.from(`Tên HTX,MST\n${'HTX A,1\n'.repeat(SHEET_LIMITS.maxRows + 60)}`);
    const read = async () => {
      for await (const _row of readSheetRows(csv, 'csv')) {
        // reading is the test
      }
    };
    await expect(read()).rejects.toMatchObject({ detail: { vi: expect.stringContaining('200.000 dòng') } });
  });

  it('refuses a CSV saved in a Windows code page instead of UTF-8', async () => {
    const latin1 = Buffer.from('T\xean HTX,MST\n', 'latin1');
    await expect(readSheetRows(latin1, 'csv').next()).rejects.toMatchObject({ detail: { vi: expect.stringContaining('UTF-8') } });
  });

  it('marks cells that hold formulas instead of values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('A');
    sheet.addRow(['Tên HTX', 'Vốn điều lệ']);
    sheet.addRow(['HTX A', { formula: 'B3*2', result: 10 }]);
    const rows = [];
    for await (const row of readSheetRows(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx')) rows.push(row);
    expect(rows[1]?.formulaColumns).toEqual([1]);
  });

  it('reads the same rows every time, dates included, from a workbook that stores its sheet before the workbook part', async () => {
    // ExcelJS writes xl/worksheets before xl/workbook.xml: the order that made its own reader lose a part now and then.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Danh sách').addRows([
      ['Tên HTX', 'Ngày đăng ký'],
      ['HTX Tân Tiến', new Date(Date.UTC(2019, 2, 15))],
    ]);
    workbook.getWorksheet('Danh sách')!.getColumn(2).numFmt = 'dd/mm/yyyy';
    workbook.addWorksheet('Ghi chú').addRow(['không đọc trang này']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const rows = [];
      for await (const row of readSheetRows(content, 'xlsx')) rows.push(row.cells);
      expect(rows).toEqual([
        ['Tên HTX', 'Ngày đăng ký'],
        ['HTX Tân Tiến', new Date(Date.UTC(2019, 2, 15))],
      ]);
    }
  });
});
