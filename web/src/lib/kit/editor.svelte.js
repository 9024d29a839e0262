// The state of an edit form: loads the record with its version, knows whether there are unsaved changes (and
// asks before leaving: in-app navigation and the browser's beforeunload), saves with If-Match, turns a 412
// into the conflict notice (with a field-by-field merge of the person's changes into the current version),
// deletes after the confirm dialog, and puts the API's errors beside their fields.
import { tick } from 'svelte';
import { navigate, setLeaveGuard } from '../router.svelte.js';
import { isFieldError, focusError, controlId } from '../forms.js';
import { serialize } from './editor.js';
import { mergeForms, applyChoices } from './merge.js';

/**
 * @param {object} o
 * @param {string} o.id the form's id
 * @param {string[]} o.fields the fields the form shows: errors for them go beside the field, others on top
 * @param {() => Promise<{form: object, record?: object, version?: any}>} o.load the record and its form values
 * @param {(form: object, version: any, record: object|null) => Promise<any>} o.save creates or updates
 * @param {(version: any, record: object) => Promise<any>} [o.remove]
 * @param {(res: any) => void} [o.saved] where to go after saving
 * @param {() => void} [o.removed] where to go after deleting
 * @param {(path: Array<string|number>) => string} [o.idFor] the control of an error's field path
 * @param {Record<string, string|null> | (() => Record<string, string|null>)} [o.labels] the names of form fields
 *   the conflict notice may list that have no `<label for>` of their own (lists such as quotas and contacts);
 *   null: a field never named (a copy of another record kept for display)
 */
export function createEditor(o) {
  const idFor = o.idFor ?? controlId;
  let form = $state({});
  let record = $state(null);
  let version = $state(null);
  let loading = $state(true);
  let loadError = $state(null);
  let error = $state(null);
  // A 412: {changedBy, changedAt, changedFields, merge} — merge is null when the current version could not be
  // read (or after a delete), else {conflicts, taken, merged, theirs}; choices: 'mine' | 'theirs' per conflict.
  let conflict = $state.raw(null);
  let choices = $state({});
  let saving = $state(false);
  let loaded = $state(null); // the form as loaded or last saved, as text
  let leaving = $state(null); // where the person wanted to go with unsaved changes

  const dirty = $derived(!loading && loaded !== null && serialize(form) !== loaded);
  const fieldError = $derived(isFieldError(error, o.fields) ? error : null);

  async function reload() {
    loading = true;
    loadError = null;
    error = null;
    conflict = null;
    try {
      adopt(await o.load());
    } catch (e) {
      loadError = e;
    } finally {
      loading = false;
    }
  }

  function clean() {
    loaded = serialize(form);
  }

  /** Takes a record as the server answered it (after a save that stays on the form, or an action). */
  function adopt(res) {
    record = res.record ?? null;
    version = res.version ?? null;
    form = res.form;
    loaded = serialize(res.form);
  }

  /** What a field is called on the form: the labels given, else its control's label. Null when it has none. */
  function labelOf(key) {
    const given = typeof o.labels === 'function' ? o.labels() : o.labels;
    if (given && key in given) return given[key];
    const id = idFor([key]);
    const label = [...(document.getElementById(o.id)?.querySelectorAll('label') ?? [])].find((l) => l.htmlFor === id);
    if (!label) return null;
    const copy = label.cloneNode(true);
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return copy.textContent.replace(/\s+/g, ' ').trim() || null;
  }

  /** The text a select shows for a value (a tier's or a status's name rather than its API name). */
  function optionText(key, value) {
    const control = document.getElementById(idFor([key]));
    if (control?.tagName !== 'SELECT' || value === null || value === undefined || value === '') return null;
    const option = [...control.options].find((op) => op.value === String(value));
    return option ? option.textContent.trim() : null;
  }

  /** A 412 while saving: read the current version and merge the person's changes into it field by field. */
  async function conflicted(e, { merge }) {
    const info = { changedBy: e.changedBy ?? null, changedAt: e.changedAt ?? null, changedFields: e.changedFields ?? null, merge: null };
    if (merge && loaded !== null) {
      try {
        const theirs = await o.load();
        const result = mergeForms(JSON.parse(loaded), theirs.form, $state.snapshot(form));
        info.merge = {
          ...result,
          theirs,
          conflicts: result.conflicts.map((c) => ({
            ...c,
            label: labelOf(c.key) ?? c.key,
            theirsOption: optionText(c.key, c.theirs),
            mineOption: optionText(c.key, c.mine),
          })),
          taken: result.taken.map(labelOf).filter(Boolean),
        };
      } catch {
        // the notice offers to load the current version instead
      }
    }
    choices = {};
    conflict = info;
  }

  /** The merged values become the form, against the current version: the person checks them and saves again. */
  async function useMerged() {
    const merge = conflict?.merge;
    if (!merge) return;
    form = applyChoices(merge, choices);
    record = merge.theirs.record ?? null;
    version = merge.theirs.version ?? null;
    loaded = serialize(merge.theirs.form);
    conflict = null;
    choices = {};
    await tick();
    document.querySelector(`#${o.id} button[type="submit"]`)?.focus();
  }

  function failed(e) {
    if (e?.isConflict) {
      conflicted(e, { merge: false });
    } else {
      error = e;
      focusError(e, o.id, idFor);
    }
  }

  async function submit(event) {
    event?.preventDefault();
    if (saving) return;
    saving = true;
    error = null;
    conflict = null;
    try {
      const res = await o.save(form, version, record);
      clean();
      o.saved?.(res);
    } catch (e) {
      if (e?.isConflict) await conflicted(e, { merge: true });
      else failed(e);
    } finally {
      saving = false;
    }
  }

  async function remove() {
    error = null;
    conflict = null;
    try {
      await o.remove(version, record);
      clean();
      o.removed?.();
    } catch (e) {
      failed(e);
    }
  }

  // Unsaved changes: ask before the app leaves the form, and let the browser ask before the page unloads.
  $effect(() =>
    setLeaveGuard((href) => {
      if (!dirty) return true;
      leaving = href;
      return false;
    }),
  );
  $effect(() => {
    if (!dirty) return;
    const warn = (event) => {
      event.preventDefault();
      event.returnValue = '';
    };
    globalThis.addEventListener('beforeunload', warn);
    return () => globalThis.removeEventListener('beforeunload', warn);
  });

  reload();

  return {
    id: o.id,
    get form() {
      return form;
    },
    set form(v) {
      form = v;
    },
    get record() {
      return record;
    },
    get version() {
      return version;
    },
    get loading() {
      return loading;
    },
    get loadError() {
      return loadError;
    },
    get error() {
      return error;
    },
    get fieldError() {
      return fieldError;
    },
    /** Null, or the 412 notice's content (see `conflicted`). */
    get conflict() {
      return conflict;
    },
    /** 'mine' (the default) or 'theirs', per conflicting field. */
    get choices() {
      return choices;
    },
    choose(key, which) {
      choices[key] = which;
    },
    useMerged,
    get saving() {
      return saving;
    },
    get dirty() {
      return dirty;
    },
    get leaving() {
      return leaving;
    },
    canRemove: !!o.remove,
    reload,
    adopt,
    failed,
    submit,
    remove,
    /** Leave after all (the person confirmed): the changes are dropped. */
    async leave() {
      const href = leaving;
      leaving = null;
      clean();
      await tick();
      if (href) navigate(href, { force: true });
    },
    /** Stay on the form. */
    stay() {
      leaving = null;
    },
  };
}
