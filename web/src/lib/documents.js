// Documents on agreements: what the browser checks before an upload (the server decides by the file's bytes), and
// how a file's size is written.
import { formatNumber } from './format.js';

/** The largest file the server takes (partners/agreement_documents.h: kMaxDocumentBytes). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Why a file cannot be uploaded, as an i18n key with its values, or null when it may be sent. */
export function documentFileProblem(file) {
  if (!file) return { key: 'documents.chooseFile' };
  if (file.size === 0) return { key: 'documents.empty' };
  if (file.size > MAX_DOCUMENT_BYTES) return { key: 'documents.tooLarge', values: { max: formatFileSize(MAX_DOCUMENT_BYTES) } };
  const pdfName = /\.pdf$/i.test(file.name ?? '');
  const pdfType = !file.type || file.type === 'application/pdf';
  if (!pdfName || !pdfType) return { key: 'documents.notPdf' };
  return null;
}

/** 532 B, 14 kB, 2.4 MB (decimal units, in the reader's language). */
export function formatFileSize(bytes, locale) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return '–';
  if (n < 1000) return `${formatNumber(n, undefined, locale)} B`;
  if (n < 1000 * 1000) return `${formatNumber(Math.round(n / 1000), undefined, locale)} kB`;
  return `${formatNumber(n / 1e6, { maximumFractionDigits: 1 }, locale)} MB`;
}
