import { describe, it, expect } from 'vitest';
import { afterEach } from 'vitest';
import {
  csvHeader,
  initialMap,
  mapProblems,
  mapForApi,
  progressPercent,
  isFinished,
  fileTypeFor,
  isWorkbook,
  acceptFor,
  XLSX_TYPE,
} from './imports.js';
import { api, setFetch } from './api.js';

const fields = [
  { field: 'erasmus_code', default_column: 'Erasmus Code', required: true },
  { field: 'name', default_column: 'Legal Name', required: true },
  { field: 'label_de', default_column: 'label_de', required: false },
];

describe('csvHeader', () => {
  it('reads the first record with quotes, a byte order mark and CRLF', () => {
    expect(csvHeader('\uFEFFProposal number,"Erasmus Code","Legal ""Name"", full"\r\na,b,c\n')).toEqual([
      'Proposal number',
      'Erasmus Code',
      'Legal "Name", full',
    ]);
  });
  it('is empty for an empty file', () => {
    expect(csvHeader('')).toEqual([]);
  });
});

describe('column map', () => {
  it('prefers the remembered column, then the default, spelled as in the file', () => {
    const map = initialMap(fields, ['CODE', 'Legal Name', 'Name'], { erasmus_code: 'code', name: 'Name' });
    expect(map).toEqual({ erasmus_code: 'CODE', name: 'Name', label_de: '' });
    expect(initialMap(fields, ['erasmus code', 'x'], {})).toEqual({ erasmus_code: 'erasmus code', name: '', label_de: '' });
  });
  it('finds required fields without a column and columns used twice', () => {
    expect(mapProblems(fields, { erasmus_code: 'A', name: '', label_de: '' })).toEqual({ name: 'required' });
    expect(mapProblems(fields, { erasmus_code: 'A', name: 'a', label_de: '' })).toEqual({ name: 'twice' });
    expect(mapProblems(fields, { erasmus_code: 'A', name: 'B', label_de: '' })).toEqual({});
  });
  it('sends only the fields with a column', () => {
    expect(mapForApi({ erasmus_code: 'A', label_de: '' })).toEqual({ erasmus_code: 'A' });
  });
});

describe('jobs', () => {
  it('computes the progress and knows when a job has ended', () => {
    expect(progressPercent({ status: 'running', progress: { done: 1, total: 3 } })).toBe(33);
    expect(progressPercent({ status: 'queued', progress: { done: 0, total: 0 } })).toBeNull();
    expect(progressPercent({ status: 'succeeded', progress: { done: 0, total: 0 } })).toBe(100);
    expect(isFinished({ status: 'cancelled' })).toBe(true);
    expect(isFinished({ status: 'running' })).toBe(false);
    expect(fileTypeFor('world-universities')).toBe('application/json');
    expect(fileTypeFor('eche')).toBe('text/csv');
  });
});

describe('workbooks', () => {
  afterEach(() => setFetch((...a) => globalThis.fetch(...a)));

  it('tells a workbook by its name or media type and sends it as .xlsx', () => {
    expect(isWorkbook({ name: 'ECHE-Liste.XLSX', type: '' })).toBe(true);
    expect(isWorkbook({ name: 'liste', type: XLSX_TYPE })).toBe(true);
    expect(isWorkbook({ name: 'eche.csv', type: 'text/csv' })).toBe(false);
    expect(fileTypeFor('eche', { name: 'eche.xlsx' })).toBe(XLSX_TYPE);
    expect(fileTypeFor('isced', 'isced.xlsx')).toBe(XLSX_TYPE);
    expect(fileTypeFor('eche', { name: 'eche.csv' })).toBe('text/csv');
    expect(fileTypeFor('world-universities', { name: 'w.xlsx' })).toBe('application/json');
    expect(acceptFor('eche')).toContain('.xlsx');
    expect(acceptFor('world-universities')).not.toContain('.xlsx');
  });

  it('asks the server for the header row of a workbook, sending the file as it is', async () => {
    let seen;
    setFetch(async (url, init) => {
      seen = { url, init };
      return new Response(JSON.stringify({ kind: 'eche', format: 'xlsx', columns: ['Erasmus Code', 'PIC'] }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    });
    const file = new Blob([new Uint8Array([0x50, 0x4b, 3, 4])], { type: XLSX_TYPE });
    const answer = await api.imports.header('eche', { file, fileName: 'eche.xlsx', fileType: XLSX_TYPE });
    expect(answer.columns).toEqual(['Erasmus Code', 'PIC']);
    expect(seen.url).toBe('/api/v1/imports/eche/header?file_name=eche.xlsx');
    expect(seen.init.method).toBe('POST');
    expect(seen.init.headers['Content-Type']).toBe(XLSX_TYPE);
    expect(seen.init.body).toBe(file);
  });
});
