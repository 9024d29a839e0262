import { describe, expect, it } from 'vitest';
import { add, changed, moveBy, moveTo, remove } from './preferences.js';

describe('preferences', () => {
  it('moves an offer up and down within the list', () => {
    expect(moveBy([1, 2, 3], 2, -1)).toEqual({ list: [1, 3, 2], index: 1 });
    expect(moveBy([1, 2, 3], 0, 1)).toEqual({ list: [2, 1, 3], index: 1 });
    // at the edges nothing moves
    expect(moveBy([1, 2, 3], 0, -1)).toEqual({ list: [1, 2, 3], index: 0 });
    expect(moveBy([1, 2, 3], 2, 1)).toEqual({ list: [1, 2, 3], index: 2 });
  });
  it('drops an offer at another place', () => {
    expect(moveTo([1, 2, 3, 4], 3, 0)).toEqual({ list: [4, 1, 2, 3], index: 0 });
    expect(moveTo([1, 2, 3, 4], 0, 9)).toEqual({ list: [2, 3, 4, 1], index: 3 });
  });
  it('adds up to the call’s limit, once each, and removes', () => {
    expect(add([1], 2, 2)).toEqual([1, 2]);
    expect(add([1, 2], 3, 2)).toEqual([1, 2]);
    expect(add([1], 1, 5)).toEqual([1]);
    expect(remove([1, 2, 3], 2)).toEqual([1, 3]);
  });
  it('tells a changed order', () => {
    expect(changed([1, 2], [1, 2])).toBe(false);
    expect(changed([2, 1], [1, 2])).toBe(true);
    expect(changed([1], [1, 2])).toBe(true);
  });
});
