import { describe, it, expect } from 'vitest';
import { csvHeader, initialMap, mapProblems, mapForApi, progressPercent, isFinished, fileTypeFor } from './imports.js';

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
