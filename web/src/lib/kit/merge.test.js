import { describe, it, expect } from 'vitest';
import { mergeForms, applyChoices, sameValue, describeValue } from './merge.js';

const base = { tier: 'standard', notes: '', objectives: 'Exchange', since: '2020-01-01', quotas: [{ places: 2 }] };

describe('the three-way merge of a form', () => {
  it('takes a field only they changed, keeps a field only I changed', () => {
    const theirs = { ...base, notes: 'A colleague was faster' };
    const mine = { ...base, objectives: 'Exchange and research' };
    const m = mergeForms(base, theirs, mine);
    expect(m.conflicts).toEqual([]);
    expect(m.taken).toEqual(['notes']);
    expect(m.kept).toEqual(['objectives']);
    expect(m.merged).toEqual({ ...base, notes: 'A colleague was faster', objectives: 'Exchange and research' });
  });

  it('lists a field both changed to different values, with all three values, and keeps mine by default', () => {
    const theirs = { ...base, objectives: 'Theirs', tier: 'strategic' };
    const mine = { ...base, objectives: 'Mine', notes: 'mine too' };
    const m = mergeForms(base, theirs, mine);
    expect(m.conflicts).toEqual([{ key: 'objectives', base: 'Exchange', theirs: 'Theirs', mine: 'Mine' }]);
    expect(m.taken).toEqual(['tier']);
    expect(m.kept).toEqual(['notes']);
    expect(m.merged.objectives).toBe('Mine');
    expect(applyChoices(m, {})).toEqual({ ...base, objectives: 'Mine', notes: 'mine too', tier: 'strategic' });
    expect(applyChoices(m, { objectives: 'mine' }).objectives).toBe('Mine');
    expect(applyChoices(m, { objectives: 'theirs' })).toEqual({ ...base, objectives: 'Theirs', notes: 'mine too', tier: 'strategic' });
  });

  it('is no conflict when both made the same change', () => {
    const theirs = { ...base, tier: 'strategic' };
    const mine = { ...base, tier: 'strategic' };
    const m = mergeForms(base, theirs, mine);
    expect(m.conflicts).toEqual([]);
    expect(m.taken).toEqual([]);
    expect(m.kept).toEqual([]);
    expect(m.merged.tier).toBe('strategic');
  });

  it('compares lists and records by content (key order does not matter, list order does)', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
    const theirs = { ...base, quotas: [{ places: 3 }] };
    const mine = { ...base, quotas: [{ places: 2 }, { places: 1 }] };
    const m = mergeForms(base, theirs, mine);
    expect(m.conflicts.map((c) => c.key)).toEqual(['quotas']);
    // a list changed by them only is taken whole
    const onlyTheirs = mergeForms(base, theirs, { ...base, quotas: [{ places: 2 }] });
    expect(onlyTheirs.taken).toEqual(['quotas']);
    expect(onlyTheirs.merged.quotas).toEqual([{ places: 3 }]);
  });

  it('handles a field that appears or disappears on one side', () => {
    const m = mergeForms({ a: 1 }, { a: 1, b: 'new' }, { a: 2 });
    expect(m.merged).toEqual({ a: 2, b: 'new' });
    expect(m.taken).toEqual(['b']);
    expect(m.kept).toEqual(['a']);
  });
});

describe('how a value is shown', () => {
  it('as text, a dash for nothing, "changed" for lists and records, never JSON', () => {
    expect(describeValue('Mine')).toEqual({ kind: 'text', value: 'Mine' });
    expect(describeValue('')).toEqual({ kind: 'empty' });
    expect(describeValue('  ')).toEqual({ kind: 'empty' });
    expect(describeValue(null)).toEqual({ kind: 'empty' });
    expect(describeValue([{ places: 2 }])).toEqual({ kind: 'list' });
    expect(describeValue({ admin: { checked: true } })).toEqual({ kind: 'list' });
    expect(describeValue(true)).toEqual({ kind: 'yes' });
    expect(describeValue(false)).toEqual({ kind: 'no' });
    expect(describeValue(51.5)).toEqual({ kind: 'number', value: 51.5 });
    expect(describeValue('2020-01-01')).toEqual({ kind: 'date', value: '2020-01-01' });
  });
});
