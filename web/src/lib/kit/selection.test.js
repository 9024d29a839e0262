import { describe, it, expect } from 'vitest';
import { pageSelection, toggled, withPage, keptOnPage, bulkBody, bulkOutcome, recordsAtFault } from './selection.js';

const a = { id: 1, version: 3, name: 'A' };
const b = { id: 2, version: 1, name: 'B' };
const c = { id: 3, version: 7, name: 'C' };

describe('row selection', () => {
  it('tells whether none, some or all of the page are selected', () => {
    expect(pageSelection(new Map(), [a, b])).toBe('none');
    expect(pageSelection(toggled(new Map(), a), [a, b])).toBe('some');
    expect(pageSelection(withPage(new Map(), [a, b], true), [a, b])).toBe('all');
    expect(pageSelection(toggled(new Map(), c), [a, b])).toBe('none');
  });

  it('toggles a row without changing the selection it was given', () => {
    const none = new Map();
    const one = toggled(none, a);
    expect([...one.keys()]).toEqual([1]);
    expect(none.size).toBe(0);
    expect(toggled(one, a).size).toBe(0);
    expect(toggled(one, a, true).size).toBe(1);
  });

  it('selects and clears the whole page, keeping rows of other pages', () => {
    const other = toggled(new Map(), c);
    const all = withPage(other, [a, b], true);
    expect([...all.keys()].sort()).toEqual([1, 2, 3]);
    expect([...withPage(all, [a, b], false).keys()]).toEqual([3]);
  });

  it('keeps only rows still shown, as they are now', () => {
    const selected = withPage(new Map(), [a, b], true);
    const bNow = { ...b, version: 2 };
    const kept = keptOnPage(selected, [bNow, c]);
    expect([...kept.values()]).toEqual([bNow]);
  });
});

describe('bulk actions', () => {
  it('sends each record at the version the list showed', () => {
    expect(bulkBody([a, c], { tier: 'strategic' })).toEqual({
      items: [
        { id: 1, version: 3 },
        { id: 3, version: 7 },
      ],
      set: { tier: 'strategic' },
    });
  });

  it('counts what changed and what had the value already', () => {
    expect(bulkOutcome({ changed: [1, 2], unchanged: [3], items: [] })).toEqual({ changed: 2, unchanged: 1 });
    expect(bulkOutcome({})).toEqual({ changed: 0, unchanged: 0 });
  });

  it('names the records at fault with the reason the server gave', () => {
    const error = { recordIds: [3, 9], failures: [{ id: 3, field: 'items[1].status', message: 'not so' }] };
    expect(recordsAtFault(error, [a, c], (r) => r.name)).toEqual([
      { id: 3, name: 'C', message: 'not so' },
      { id: 9, name: '#9', message: null },
    ]);
    expect(recordsAtFault({ recordIds: [1] }, [a], (r) => r.name)).toEqual([{ id: 1, name: 'A', message: null }]);
    expect(recordsAtFault(new Error('network'), [a], (r) => r.name)).toEqual([]);
  });
});
