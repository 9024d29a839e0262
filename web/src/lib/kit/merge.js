// The pure part of an edit conflict (412): a three-way merge of a form, field by field. Tested without a browser.
//   base   the form as it was loaded (what both people started from)
//   theirs the form of the record as it is now (after the other person's save)
//   mine   the form as it is on screen
// A field only they changed is taken from theirs, a field only I changed keeps mine, and a field both changed to
// different values is a conflict the person decides (keep mine or take theirs; mine by default).

/** Compares two form values by content: objects by their keys in any order, arrays in order. */
export function sameValue(a, b) {
  return stableText(a) === stableText(b);
}

function stableText(value) {
  return JSON.stringify(value === undefined ? null : value, (_, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
    }
    return v;
  });
}

/**
 * @param {object} base
 * @param {object} theirs
 * @param {object} mine
 * @returns {{merged: object, conflicts: Array<{key: string, base: any, theirs: any, mine: any}>, taken: string[], kept: string[]}}
 *   merged with mine for every conflict; `taken`: the fields only they changed, `kept`: the fields only I changed.
 */
export function mergeForms(base, theirs, mine) {
  const keys = [...new Set([...Object.keys(mine ?? {}), ...Object.keys(theirs ?? {}), ...Object.keys(base ?? {})])];
  const merged = {};
  const conflicts = [];
  const taken = [];
  const kept = [];
  for (const key of keys) {
    const b = base?.[key];
    const t = theirs?.[key];
    const m = mine?.[key];
    if (sameValue(m, t)) {
      merged[key] = t;
    } else if (sameValue(m, b)) {
      merged[key] = t;
      taken.push(key);
    } else if (sameValue(t, b)) {
      merged[key] = m;
      kept.push(key);
    } else {
      merged[key] = m;
      conflicts.push({ key, base: b, theirs: t, mine: m });
    }
  }
  return { merged, conflicts, taken, kept };
}

/**
 * The form after the person's choices: a conflict is `'mine'` (the default) or `'theirs'`.
 * @param {{merged: object, conflicts: Array<{key: string, theirs: any}>}} merge
 * @param {Record<string, 'mine'|'theirs'>} choices
 */
export function applyChoices(merge, choices = {}) {
  const form = { ...merge.merged };
  for (const c of merge.conflicts) {
    if (choices[c.key] === 'theirs') form[c.key] = c.theirs;
  }
  return form;
}

/**
 * How a value is shown in the conflict notice: `empty` (shown as –), `list` (an array or object: quotas, contacts,
 * roles — shown as "changed", never as JSON), `yes`/`no`, `number`, `date` (YYYY-MM-DD) or `text`.
 * @returns {{kind: 'empty'|'list'|'yes'|'no'|'number'|'date'|'text', value?: any}}
 */
export function describeValue(value) {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return { kind: 'empty' };
  if (typeof value === 'object') return { kind: 'list' };
  if (typeof value === 'boolean') return { kind: value ? 'yes' : 'no' };
  if (typeof value === 'number') return { kind: 'number', value };
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { kind: 'date', value: text };
  return { kind: 'text', value: text };
}
