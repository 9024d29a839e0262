import { describe, it, expect } from 'vitest';
import { nextSort, sortDirection, apiQuery, activeFilters, clearedFilters, typedChanges, withFirstPage, pageOf } from './list.js';
import { exportUrl } from '../download.js';

const spec = {
  filters: [{ name: 'q', type: 'search' }, { name: 'tier', type: 'select' }, { name: 'from', type: 'date', toApi: (v) => (v ? `${v}T00:00:00Z` : null) }],
  sort: 'name',
  pageSize: 25,
};

describe('sorting', () => {
  it('toggles a column ascending, then descending, then ascending again', () => {
    expect(nextSort('', 'name')).toBe('name');
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('-country', 'name')).toBe('name');
  });
  it('names the direction of each column', () => {
    expect(sortDirection('name', 'name')).toBe('ascending');
    expect(sortDirection('-name', 'name')).toBe('descending');
    expect(sortDirection('-name', 'tier')).toBe('none');
  });
});

describe('query ↔ state', () => {
  it('reads the API query from the URL: filters, default sort, paging', () => {
    const q = apiQuery(new URLSearchParams('q=Flinders&tier=strategic&cursor=abc&page=2'), spec);
    expect(q).toEqual({ q: 'Flinders', tier: 'strategic', from: null, sort: 'name', cursor: 'abc', limit: 25 });
  });
  it('takes the sort from the URL and passes values through toApi', () => {
    const q = apiQuery(new URLSearchParams('sort=-tier&from=2026-01-31'), spec);
    expect(q.sort).toBe('-tier');
    expect(q.from).toBe('2026-01-31T00:00:00Z');
  });
  it('names the reader’s language, by which the server sorts countries', () => {
    expect(apiQuery(new URLSearchParams('sort=country'), spec, { language: 'de' }).lang).toBe('de');
    expect(apiQuery(new URLSearchParams('sort=country'), spec)).not.toHaveProperty('lang');
  });
  it('leaves out the paging for the export', () => {
    const q = apiQuery(new URLSearchParams('tier=standard&cursor=abc'), spec, { paging: false });
    expect(q).toEqual({ q: null, tier: 'standard', from: null, sort: 'name' });
  });
  it('counts and clears the filters', () => {
    expect(activeFilters(new URLSearchParams('q=x&tier=standard&sort=name'), spec)).toBe(2);
    expect(clearedFilters(spec)).toEqual({ q: null, tier: null, from: null });
  });
  it('starts at the first page again when a filter changes', () => {
    expect(withFirstPage({ tier: 'standard' })).toEqual({ tier: 'standard', cursor: null, page: null });
    expect(pageOf(new URLSearchParams('page=3'))).toBe(3);
    expect(pageOf(new URLSearchParams('page=x'))).toBe(0);
  });
  it('sends only the typed boxes that differ from the URL, trimmed', () => {
    expect(typedChanges({ q: ' Flinders ' }, { q: '' })).toEqual({ q: 'Flinders' });
    expect(typedChanges({ q: 'Flinders' }, { q: 'Flinders' })).toEqual({});
    expect(typedChanges({ q: '' }, { q: 'Flinders' })).toEqual({ q: '' });
  });
});

describe('export', () => {
  it('builds the list endpoint with the same filters and sort, without paging', () => {
    const url = exportUrl('/partnerships', { q: 'King', tier: null, sort: '-name', cursor: 'c', limit: 50 }, 'csv');
    expect(url).toBe('/api/v1/partnerships?q=King&sort=-name&format=csv');
    expect(exportUrl('/agreements', {}, 'xlsx')).toBe('/api/v1/agreements?format=xlsx');
    expect(exportUrl('/agreements', { status: 'active' }, 'csv', 'de')).toBe('/api/v1/agreements?status=active&format=csv&lang=de');
  });
});
