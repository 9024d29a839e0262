import { describe, it, expect, beforeEach, vi } from 'vitest';
import { flushSync, tick } from 'svelte';
import { createEditor } from './editor.svelte.js';
import { ownFields, formValues, isDirty, serialize } from './editor.js';
import { navigate, route } from '../router.svelte.js';
import { ApiError } from '../api.js';

globalThis.scrollTo = () => {}; // jsdom has none

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await tick();
    await Promise.resolve();
  }
  flushSync();
};

function withEditor(options) {
  let editor;
  const cleanup = $effect.root(() => {
    editor = createEditor({
      id: 'test-form',
      fields: ['name', 'notes'],
      load: async () => ({ record: { id: 1, name: 'A', notes: null, version: 3 }, version: 3, form: { name: 'A', notes: '' } }),
      ...options,
    });
  });
  return { editor, cleanup };
}

describe('what a form sends', () => {
  it('only its own fields, trimmed, empty as null', () => {
    expect(ownFields({ name: ' KCL ', notes: '', extra: 'x', n: 0 }, ['name', 'notes', 'n'])).toEqual({ name: 'KCL', notes: null, n: 0 });
  });
  it('fills the form from a record with defaults for absent fields', () => {
    expect(formValues({ name: 'A', notes: null, version: 2 }, { name: '', notes: '', tier: 'standard' })).toEqual({ name: 'A', notes: '', tier: 'standard' });
  });
  it('knows unsaved changes', () => {
    const loaded = serialize({ a: 1 });
    expect(isDirty(loaded, { a: 1 })).toBe(false);
    expect(isDirty(loaded, { a: 2 })).toBe(true);
    expect(isDirty(null, { a: 2 })).toBe(false);
  });
});

describe('the editor', () => {
  beforeEach(() => navigate('/partners/1/edit', { replace: true }));

  it('loads the record with its version; a change makes it dirty', async () => {
    const { editor, cleanup } = withEditor();
    await settle();
    expect(editor.loading).toBe(false);
    expect(editor.version).toBe(3);
    expect(editor.dirty).toBe(false);
    editor.form.notes = 'changed';
    flushSync();
    expect(editor.dirty).toBe(true);
    cleanup();
  });

  it('asks before leaving with unsaved changes, stays or leaves as told', async () => {
    const { editor, cleanup } = withEditor();
    await settle();
    navigate('/partners', { keepScroll: true }); // not dirty: leaves
    expect(route.path).toBe('/partners');
    navigate('/partners/1/edit', { keepScroll: true });
    editor.form.notes = 'changed';
    flushSync();
    navigate('/agreements', { keepScroll: true });
    expect(route.path).toBe('/partners/1/edit');
    expect(editor.leaving).toBe('/agreements');
    editor.stay();
    expect(editor.leaving).toBe(null);
    navigate('/agreements', { keepScroll: true });
    await editor.leave();
    expect(route.path).toBe('/agreements');
    cleanup();
  });

  it('warns before the page unloads only while there are unsaved changes', async () => {
    const { editor, cleanup } = withEditor();
    await settle();
    const clean = new Event('beforeunload', { cancelable: true });
    globalThis.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    editor.form.name = 'B';
    flushSync();
    const dirty = new Event('beforeunload', { cancelable: true });
    globalThis.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
    cleanup();
  });

  it('saves with the version read, and is clean afterwards', async () => {
    const save = vi.fn(async () => ({ data: { id: 1 } }));
    const saved = vi.fn();
    const { editor, cleanup } = withEditor({ save, saved });
    await settle();
    editor.form.name = 'B';
    flushSync();
    await editor.submit();
    expect(save).toHaveBeenCalledWith({ name: 'B', notes: '' }, 3, expect.objectContaining({ id: 1 }));
    expect(saved).toHaveBeenCalled();
    flushSync();
    expect(editor.dirty).toBe(false);
    cleanup();
  });

  it('turns a 412 into the conflict notice, and a field error into the field’s message', async () => {
    let answer = new ApiError(412, { code: 'precondition_failed' });
    const { editor, cleanup } = withEditor({
      save: async () => {
        throw answer;
      },
    });
    await settle();
    await editor.submit();
    expect(editor.conflict).toBeTruthy();
    expect(editor.conflict.changedBy).toBe(null);
    expect(editor.error).toBe(null);
    answer = new ApiError(422, { code: 'validation_failed', field: 'name' });
    await editor.submit();
    expect(editor.conflict).toBe(null);
    expect(editor.fieldError?.field).toBe('name');
    answer = new ApiError(422, { code: 'validation_failed', field: 'somewhere_else' });
    await editor.submit();
    expect(editor.fieldError).toBe(null);
    expect(editor.error?.field).toBe('somewhere_else');
    await editor.reload();
    expect(editor.error).toBe(null);
    cleanup();
  });

  it('on a 412 merges: their change to another field is taken, a field both changed is the person’s choice', async () => {
    // the record as the browser read it, and as it is after someone else's save
    let current = { record: { id: 1, version: 3 }, version: 3, form: { name: 'A', notes: '', tier: 'standard' } };
    const load = vi.fn(async () => structuredClone(current));
    const saves = [];
    const save = vi.fn(async (form, version) => {
      saves.push({ form: { ...form }, version });
      if (version !== current.version) {
        throw new ApiError(412, { code: 'precondition_failed', changed_by: 'Irene Office', changed_at: '2026-12-03 10:15:02', changed_fields: ['name', 'tier'] });
      }
      return { data: { id: 1 } };
    });
    document.body.innerHTML = `<form id="test-form">
      <label for="f-name">Name <span aria-hidden="true">*</span></label><input id="f-name">
      <label for="f-tier">Tier</label><select id="f-tier"><option value="standard">Standard</option><option value="strategic">Strategic</option></select>
      <button type="submit">Save</button></form>`;
    const { editor, cleanup } = withEditor({ load, save, fields: ['name', 'notes', 'tier'] });
    await settle();
    current = { record: { id: 1, version: 4 }, version: 4, form: { name: 'B', notes: '', tier: 'strategic' } };
    editor.form.name = 'Mine';
    editor.form.notes = 'my notes';
    flushSync();
    await editor.submit();
    expect(load).toHaveBeenCalledTimes(2);
    const c = editor.conflict;
    expect(c.changedBy).toBe('Irene Office');
    expect(c.changedAt).toBe('2026-12-03 10:15:02');
    expect(c.changedFields).toEqual(['name', 'tier']);
    // the label comes from the form (without the required mark), the tier's values as the select shows them
    expect(c.merge.conflicts).toEqual([expect.objectContaining({ key: 'name', label: 'Name', mine: 'Mine', theirs: 'B', base: 'A' })]);
    expect(c.merge.taken).toEqual(['Tier']);
    // nothing is adopted until the person says so
    expect(editor.version).toBe(3);
    expect(editor.form.name).toBe('Mine');

    editor.choose('name', 'mine');
    await editor.useMerged();
    expect(editor.conflict).toBe(null);
    expect(editor.version).toBe(4);
    expect(editor.record).toEqual({ id: 1, version: 4 });
    expect(editor.form).toEqual({ name: 'Mine', notes: 'my notes', tier: 'strategic' });
    flushSync();
    expect(editor.dirty).toBe(true); // against the new version: the person saves again
    expect(document.activeElement).toBe(document.querySelector('#test-form button[type="submit"]'));
    await editor.submit();
    expect(saves.at(-1)).toEqual({ form: { name: 'Mine', notes: 'my notes', tier: 'strategic' }, version: 4 });
    expect(editor.conflict).toBe(null);
    cleanup();
    document.body.innerHTML = '';
  });

  it('on a 412 the person may take their value instead, or drop the merge and load theirs', async () => {
    let current = { record: { id: 1, version: 3 }, version: 3, form: { name: 'A', notes: '' } };
    const save = vi.fn(async () => {
      throw new ApiError(412, { code: 'precondition_failed' });
    });
    const { editor, cleanup } = withEditor({ load: async () => structuredClone(current), save, labels: () => ({ name: 'The name' }) });
    await settle();
    current = { record: { id: 1, version: 5 }, version: 5, form: { name: 'Theirs', notes: 'theirs' } };
    editor.form.name = 'Mine';
    flushSync();
    await editor.submit();
    expect(editor.conflict.changedBy).toBe(null);
    expect(editor.conflict.changedAt).toBe(null);
    expect(editor.conflict.merge.conflicts.map((x) => x.label)).toEqual(['The name']);
    editor.choose('name', 'theirs');
    await editor.useMerged();
    expect(editor.form).toEqual({ name: 'Theirs', notes: 'theirs' });
    flushSync();
    expect(editor.dirty).toBe(false);

    editor.form.notes = 'again mine';
    flushSync();
    current = { record: { id: 1, version: 6 }, version: 6, form: { name: 'Third', notes: 'theirs' } };
    await editor.submit();
    expect(editor.conflict.merge.conflicts).toEqual([]);
    expect(editor.conflict.merge.taken).toEqual(['The name']);
    await editor.reload();
    expect(editor.conflict).toBe(null);
    expect(editor.form).toEqual({ name: 'Third', notes: 'theirs' });
    expect(editor.version).toBe(6);
    cleanup();
  });

  it('a 412 whose current version cannot be read offers only to load it', async () => {
    let calls = 0;
    const { editor, cleanup } = withEditor({
      load: async () => {
        calls += 1;
        if (calls > 1) throw new ApiError(404, { code: 'not_found' });
        return { record: { id: 1 }, version: 3, form: { name: 'A' } };
      },
      save: async () => {
        throw new ApiError(412, { code: 'precondition_failed' });
      },
    });
    await settle();
    editor.form.name = 'B';
    await editor.submit();
    expect(editor.conflict).toBeTruthy();
    expect(editor.conflict.merge).toBe(null);
    cleanup();
  });

  it('deletes with the version read', async () => {
    const remove = vi.fn(async () => ({}));
    const removed = vi.fn();
    const { editor, cleanup } = withEditor({ remove, removed });
    await settle();
    await editor.remove();
    expect(remove).toHaveBeenCalledWith(3, expect.objectContaining({ id: 1 }));
    expect(removed).toHaveBeenCalled();
    cleanup();
  });
});
