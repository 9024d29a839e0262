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
    expect(editor.conflict).toBe(true);
    expect(editor.error).toBe(null);
    answer = new ApiError(422, { code: 'validation_failed', field: 'name' });
    await editor.submit();
    expect(editor.conflict).toBe(false);
    expect(editor.fieldError?.field).toBe('name');
    answer = new ApiError(422, { code: 'validation_failed', field: 'somewhere_else' });
    await editor.submit();
    expect(editor.fieldError).toBe(null);
    expect(editor.error?.field).toBe('somewhere_else');
    await editor.reload();
    expect(editor.error).toBe(null);
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
