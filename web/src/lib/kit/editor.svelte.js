// The state of an edit form: loads the record with its version, knows whether there are unsaved changes (and
// asks before leaving: in-app navigation and the browser's beforeunload), saves with If-Match, turns a 412
// into the conflict notice, deletes after the confirm dialog, and puts the API's errors beside their fields.
import { tick } from 'svelte';
import { navigate, setLeaveGuard } from '../router.svelte.js';
import { isFieldError, focusError, controlId } from '../forms.js';
import { serialize } from './editor.js';

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
 */
export function createEditor(o) {
  const idFor = o.idFor ?? controlId;
  let form = $state({});
  let record = $state(null);
  let version = $state(null);
  let loading = $state(true);
  let loadError = $state(null);
  let error = $state(null);
  let conflict = $state(false);
  let saving = $state(false);
  let loaded = $state(null); // the form as loaded or last saved, as text
  let leaving = $state(null); // where the person wanted to go with unsaved changes

  const dirty = $derived(!loading && loaded !== null && serialize(form) !== loaded);
  const fieldError = $derived(isFieldError(error, o.fields) ? error : null);

  async function reload() {
    loading = true;
    loadError = null;
    error = null;
    conflict = false;
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

  function failed(e) {
    if (e?.isConflict) {
      conflict = true;
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
    conflict = false;
    try {
      const res = await o.save(form, version, record);
      clean();
      o.saved?.(res);
    } catch (e) {
      failed(e);
    } finally {
      saving = false;
    }
  }

  async function remove() {
    error = null;
    conflict = false;
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
    get conflict() {
      return conflict;
    },
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
