// What an audit entry changed: the fields of `before` and `after` side by side, nested objects as dotted
// paths ("roles", "address.city"), lists compared as a whole. Pure, so it is tested without a browser.

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** {a: {b: 1}, c: [1]} → {'a.b': 1, c: [1]} */
export function flattenRecord(value, prefix = '', out = {}) {
  if (!isPlainObject(value)) {
    if (prefix) out[prefix] = value;
    return out;
  }
  const keys = Object.keys(value);
  if (!keys.length && prefix) out[prefix] = value;
  for (const k of keys) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(value[k]) && Object.keys(value[k]).length) flattenRecord(value[k], path, out);
    else out[path] = value[k];
  }
  return out;
}

function same(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * @returns {{field: string, before: any, after: any, change: 'added'|'removed'|'changed'|'unchanged'}[]}
 *   sorted by field; `changedOnly` (default) leaves out fields with the same value before and after.
 */
export function diffRecords(before, after, { changedOnly = true } = {}) {
  const b = isPlainObject(before) ? flattenRecord(before) : before == null ? {} : { value: before };
  const a = isPlainObject(after) ? flattenRecord(after) : after == null ? {} : { value: after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const rows = [];
  for (const field of fields) {
    const inB = field in b;
    const inA = field in a;
    let change;
    if (inB && inA) change = same(b[field], a[field]) ? 'unchanged' : 'changed';
    else if (inA) change = before == null && after != null ? 'added' : a[field] == null ? 'unchanged' : 'added';
    else change = b[field] == null ? 'unchanged' : 'removed';
    if (changedOnly && change === 'unchanged') continue;
    rows.push({ field, before: inB ? b[field] : undefined, after: inA ? a[field] : undefined, change });
  }
  return rows;
}

/** A value of an audit record as short text: null/undefined as '—', lists and objects as compact JSON. */
export function formatValue(value) {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(', ') || '—';
  return JSON.stringify(value);
}
