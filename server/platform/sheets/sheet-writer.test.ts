import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createSheetStream } from './sheet-writer.ts';

async function readBack(stream: Readable): Promise<ExcelJS.Worksheet> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('a sheet written row by row', () => {
  it('opens in Excel with money grouped, real dates and codes kept as text in every row', async () => {
    const sheet = createSheetStream('Danh sách', [
      { header: 'Tên', width: 30 },
      { header: 'Mã số thuế', width: 14, format: 'text' },
      { header: 'Ngày đăng ký', width: 12, format: 'date' },
      { header: 'Vốn điều lệ', width: 16, format: 'money' },
    ]);
    const written = readBack(sheet.stream);
    sheet.addRow(['HTX Tân Tiến', '0100109106', '2019-03-15', 1_200_000_000]);
    sheet.addRow(['HTX Đồng Tâm', null, null, 350_000_000]);
    sheet.addRow(['HTX Quyết Thắng', '0101234567', '2021-12-01', null]);
    await sheet.finish();
    const read = await written;

    expect(read.getRow(1).getCell(1).value).toBe('Tên');
    expect(read.getRow(1).getCell(1).font?.bold).toBe(true);
    for (const rowNumber of [2, 4]) {
      const row = read.getRow(rowNumber);
      expect(row.getCell(2).numFmt).toBe('@');
      expect(row.getCell(3).value).toBeInstanceOf(Date);
      expect(row.getCell(3).numFmt).toBe('dd/mm/yyyy');
    }
    expect(read.getRow(2).getCell(2).value).toBe('0100109106');
    expect((read.getRow(2).getCell(3).value as Date).toISOString().slice(0, 10)).toBe('2019-03-15');
    expect(read.getRow(2).getCell(4).numFmt).toBe('#,##0');
    expect(read.getRow(3).getCell(4).value).toBe(350_000_000);
    expect(read.getRow(3).getCell(4).numFmt).toBe('#,##0');
    // A name column has no format of its own: Excel's General.
    expect(read.getRow(2).getCell(1).numFmt).toBeUndefined();
    expect(read.getRow(2).getCell(1).font?.bold).toBeFalsy();
  });
});
