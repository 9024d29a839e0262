import { describe, expect, it } from 'vitest';
import { documentFileProblem, formatFileSize, MAX_DOCUMENT_BYTES } from './documents.js';

const file = (name, size, type = 'application/pdf') => ({ name, size, type });

describe('documentFileProblem', () => {
  it('lets a PDF within the limit through', () => {
    expect(documentFileProblem(file('Agreement signed.PDF', 2048))).toBeNull();
    expect(documentFileProblem(file('a.pdf', MAX_DOCUMENT_BYTES))).toBeNull();
    // Some systems give no type; the name and the server's check of the bytes decide.
    expect(documentFileProblem(file('a.pdf', 10, ''))).toBeNull();
  });
  it('names what is wrong', () => {
    expect(documentFileProblem(null).key).toBe('documents.chooseFile');
    expect(documentFileProblem(file('a.pdf', 0)).key).toBe('documents.empty');
    expect(documentFileProblem(file('a.pdf', MAX_DOCUMENT_BYTES + 1))).toEqual({ key: 'documents.tooLarge', values: { max: '10.5 MB' } });
    expect(documentFileProblem(file('a.docx', 10, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).key).toBe('documents.notPdf');
    expect(documentFileProblem(file('scan.pdf', 10, 'image/png')).key).toBe('documents.notPdf');
  });
});

describe('formatFileSize', () => {
  it('writes bytes, kilobytes and megabytes in the reader’s language', () => {
    expect(formatFileSize(532, 'en')).toBe('532 B');
    expect(formatFileSize(14_400, 'en')).toBe('14 kB');
    expect(formatFileSize(2_440_000, 'en')).toBe('2.4 MB');
    expect(formatFileSize(2_440_000, 'de')).toBe('2,4 MB');
    expect(formatFileSize(undefined, 'en')).toBe('–');
  });
});
