/** Small files of each kind an attachment may be, built byte by byte for tests. */

/** A ZIP local entry (stored) with the given name and data; `streamed` leaves the size to a trailing descriptor, as Word does. */
export function zipEntry(name: string, data = Buffer.from('<xml/>'), streamed = false): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(streamed ? 0x08 : 0, 6);
  header.writeUInt32LE(streamed ? 0 : data.length, 18);
  header.writeUInt32LE(streamed ? 0 : data.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  const descriptor = Buffer.alloc(streamed ? 16 : 0);
  if (streamed) descriptor.writeUInt32LE(0x08074b50, 0);
  return Buffer.concat([header, Buffer.from(name), data, descriptor]);
}

export const samplePdf = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), Buffer.alloc(64)]);
export const samplePng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
export const sampleJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
export const sampleDocx = Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('_rels/.rels'), zipEntry('word/document.xml')]);
export const sampleXlsx = Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.xml')]);
