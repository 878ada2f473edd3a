import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;
const STORED = 0;
const DEFLATED = 8;

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  isEncrypted: boolean;
  localHeaderOffset: number;
};

export const isZip = (content: Buffer) => content.length >= 4 && content.readUInt32LE(0) === ZIP_LOCAL_HEADER;

/** Reads a ZIP's central directory without unpacking anything; undefined when it is not a readable ZIP. */
export function readZipDirectory(content: Buffer): ZipEntry[] | undefined {
  const searchFrom = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let offset = content.length - 22; offset >= searchFrom; offset -= 1) {
    if (content.readUInt32LE(offset) === ZIP_END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = content.readUInt16LE(end + 10);
  let offset = content.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > content.length || content.readUInt32LE(offset) !== ZIP_DIRECTORY_ENTRY) return undefined;
    const nameLength = content.readUInt16LE(offset + 28);
    const extraLength = content.readUInt16LE(offset + 30);
    const commentLength = content.readUInt16LE(offset + 32);
    entries.push({
      name: content.toString('utf8', offset + 46, offset + 46 + nameLength),
      isEncrypted: (content.readUInt16LE(offset + 8) & 1) === 1,
      method: content.readUInt16LE(offset + 10),
      compressedSize: content.readUInt32LE(offset + 20),
      uncompressedSize: content.readUInt32LE(offset + 24),
      localHeaderOffset: content.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The unpacked content of one entry as a stream. The central directory gives its size and place,
 * so entries can be opened in any order, unlike a front-to-back pass over the archive.
 */
export function openZipEntry(content: Buffer, entry: ZipEntry): Readable {
  const header = entry.localHeaderOffset;
  if (header + 30 > content.length || content.readUInt32LE(header) !== ZIP_LOCAL_HEADER) {
    throw new Error(`ZIP entry ${entry.name} has no local header`);
  }
  const dataStart = header + 30 + content.readUInt16LE(header + 26) + content.readUInt16LE(header + 28);
  const data = content.subarray(dataStart, dataStart + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new Error(`ZIP entry ${entry.name} is cut short`);
  if (entry.method === STORED) return Readable.from([data]);
  if (entry.method === DEFLATED) return Readable.from([data]).pipe(createInflateRaw());
  throw new Error(`ZIP entry ${entry.name} uses compression method ${entry.method}`);
}
