import type { Readable } from 'node:stream';
import type { ImportEntity } from '../../../contracts/imports.ts';
import type { Language } from '../../../contracts/messages.ts';
import type { ImportRowTable } from '../../db/schema.ts';
import { createSheetStream } from '../../platform/sheets/sheet-writer.ts';
import type { PreparedRow } from '../organizations/organization-import.service.ts';
import type { PreparedPersonRow } from '../organizations/person-import.service.ts';
import { toPreparedRow } from './import.repository.ts';

const ACTIONS: Record<ImportRowTable['action'], { vi: string; en: string }> = {
  create: { vi: 'Thêm mới', en: 'Created' },
  update: { vi: 'Cập nhật', en: 'Updated' },
  unchanged: { vi: 'Không đổi', en: 'Unchanged' },
  error: { vi: 'Bỏ qua do lỗi', en: 'Skipped: error' },
  choose: { vi: 'Chưa chọn xã', en: 'Commune not chosen' },
};

/** Every row of the file with what was (or would be) done and every error and warning. */
export function writeImportReport(
  batches: AsyncIterable<ImportRowTable[]>,
  entity: ImportEntity,
  isCommitted: boolean,
  language: Language,
): Readable {
  const vi = language === 'vi';
  const rowLabel =
    entity === 'people'
      ? { vi: 'Người — chức danh — tổ chức', en: 'Person — position — organisation' }
      : { vi: 'Tên tổ chức', en: 'Organisation' };
  const sheet = createSheetStream(vi ? 'Báo cáo nhập' : 'Import report', [
    { header: vi ? 'Dòng' : 'Row', width: 8 },
    { header: rowLabel[language], width: 40 },
    { header: vi ? (isCommitted ? 'Kết quả' : 'Sẽ thực hiện') : isCommitted ? 'Result' : 'Planned', width: 16 },
    { header: vi ? 'Lỗi' : 'Errors', width: 50 },
    { header: vi ? 'Cảnh báo' : 'Warnings', width: 50 },
    { header: vi ? 'Thay đổi' : 'Changes', width: 60 },
  ]);
  (async () => {
    for await (const records of batches) {
      for (const record of records) {
        const row = toPreparedRow<PreparedRow | PreparedPersonRow>(record);
        const describe = (items: typeof row.errors) => items.map((item) => `${item.column}: ${item.message[language]}`).join('\n');
        const changes = row.changes
          .map((change) => `${change.field}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`)
          .join('\n');
        sheet.addRow([row.rowNumber, row.label, ACTIONS[row.action][language], describe(row.errors), describe(row.warnings), changes]);
      }
    }
    await sheet.finish();
  })().catch((error: unknown) => sheet.stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return sheet.stream;
}
