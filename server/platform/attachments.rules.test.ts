import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../contracts/attachments.ts';
import { AppError } from './errors.ts';
import { samplePdf as pdf, samplePng as png, sampleJpeg as jpeg, sampleDocx as docx, sampleXlsx, zipEntry } from '../testing/documents.ts';
import { checkAttachment, detectAttachmentType } from './attachments.rules.ts';

const streamedDocx = Buffer.concat([zipEntry('[Content_Types].xml', undefined, true), zipEntry('word/document.xml', undefined, true)]);

const statusOf = (work: () => unknown): number | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.status : -1;
  }
};

describe('attachment checks', () => {
  it('tells PDF, PNG, JPEG and Word documents by their bytes', () => {
    expect(detectAttachmentType(pdf)).toBe('pdf');
    expect(detectAttachmentType(png)).toBe('png');
    expect(detectAttachmentType(jpeg)).toBe('jpeg');
    expect(detectAttachmentType(docx)).toBe('docx');
    expect(detectAttachmentType(streamedDocx)).toBe('docx');
    // A spreadsheet is a ZIP too, but not a Word document.
    expect(detectAttachmentType(sampleXlsx)).toBeUndefined();
    expect(detectAttachmentType(Buffer.from('MZ executable'))).toBeUndefined();
  });

  it('accepts a file whose name matches its content and gives the real content type', () => {
    expect(checkAttachment(pdf, 'Dieu le.PDF')).toEqual({ type: 'pdf', contentType: 'application/pdf' });
    expect(checkAttachment(jpeg, 'anh.jpg').contentType).toBe('image/jpeg');
    expect(checkAttachment(jpeg, 'anh.jpeg').type).toBe('jpeg');
    expect(checkAttachment(docx, 'phuong-an.docx').type).toBe('docx');
  });

  it('refuses other types, disguised files, old .doc, empty and oversized files', () => {
    expect(statusOf(() => checkAttachment(Buffer.from('MZ...'), 'virus.pdf'))).toBe(400);
    expect(statusOf(() => checkAttachment(png, 'hinh.pdf'))).toBe(400);
    expect(statusOf(() => checkAttachment(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'cu.doc'))).toBe(400);
    expect(statusOf(() => checkAttachment(Buffer.alloc(0), 'rong.pdf'))).toBe(400);
    const huge = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(statusOf(() => checkAttachment(huge, 'lon.pdf'))).toBe(413);
  });
});
