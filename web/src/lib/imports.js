// Pure helpers of the imports screen: the file's columns, the column map, a job's progress.

export const IMPORT_KINDS = ['eche', 'world-universities', 'isced', 'students'];
export const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);
export const isFinished = (job) => FINISHED.has(job?.status);

/** The column headers of a CSV text: its first record (quotes, doubled quotes, a byte order mark). */
export function csvHeader(text) {
  const s = String(text ?? '').replace(/^\uFEFF/, '');
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      break;
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields.map((f) => f.replace(/\u00A0/g, ' ').trim()).filter((f, i, all) => f !== '' || all.length > 1);
}

const same = (a, b) => String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase();

/**
 * The map to show first: each field's remembered (or default) column when the file has it, spelled as in the file;
 * otherwise the field's default column if the file has that; otherwise none ('').
 */
export function initialMap(fields, headers, remembered = {}) {
  const map = {};
  for (const { field, default_column: fallback } of fields) {
    const wanted = [remembered[field], fallback].filter(Boolean);
    const found = wanted.map((w) => headers.find((h) => same(h, w))).find((h) => h !== undefined);
    map[field] = found ?? '';
  }
  return map;
}

/** What is wrong with a map before it is sent: a required field without column, or a column used twice. */
export function mapProblems(fields, map) {
  const problems = {};
  const used = new Map();
  for (const { field, required } of fields) {
    const column = map[field] ?? '';
    if (!column) {
      if (required) problems[field] = 'required';
      continue;
    }
    const key = column.trim().toLowerCase();
    if (used.has(key)) problems[field] = 'twice';
    else used.set(key, field);
  }
  return problems;
}

/** The map to send: only fields with a column. */
export function mapForApi(map) {
  return Object.fromEntries(Object.entries(map).filter(([, column]) => column));
}

/** A job's progress in per cent (0–100), or null while its size is unknown. */
export function progressPercent(job) {
  if (job?.status === 'succeeded') return 100;
  const done = Number(job?.progress?.done ?? 0);
  const total = Number(job?.progress?.total ?? 0);
  if (!total) return null;
  return Math.max(0, Math.min(100, Math.floor((done * 100) / total)));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether a chosen file is an Excel workbook (.xlsx) rather than CSV text: by its name or its media type. */
export function isWorkbook(file) {
  return /\.xlsx$/i.test(String(file?.name ?? '')) || file?.type === XLSX_TYPE;
}

/**
 * The file's media type for the server: the world universities as JSON, tables as text/csv or, for a workbook
 * (the file or its name), as .xlsx.
 */
export function fileTypeFor(kind, file) {
  if (kind === 'world-universities') return 'application/json';
  return file && isWorkbook(typeof file === 'string' ? { name: file } : file) ? XLSX_TYPE : 'text/csv';
}

/** What the file input offers: CSV and Excel workbooks for tables, JSON for the world universities list. */
export function acceptFor(kind) {
  return kind === 'world-universities' ? '.json,application/json' : `.csv,text/csv,.xlsx,${XLSX_TYPE}`;
}
