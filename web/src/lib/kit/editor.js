// The pure part of an editor: what a form sends and whether it has unsaved changes. Tested without a browser.
import { orNull } from '../forms.js';

/** A form's state as text, to compare it with what was loaded (unsaved changes). */
export function serialize(form) {
  return JSON.stringify(form ?? null);
}

export function isDirty(loaded, form) {
  return loaded !== null && loaded !== serialize(form);
}

/**
 * Only the form's own fields, trimmed, '' as null: what a form sends (never the rest of the record as read,
 * so read-only and other screens' fields are not written back).
 */
export function ownFields(form, fields) {
  const body = {};
  for (const k of fields) {
    const v = form[k];
    body[k] = orNull(typeof v === 'string' ? v.trim() : v);
  }
  return body;
}

/** A record's fields as form values: absent ones become '' (or the given default). */
export function formValues(record, defaults) {
  const form = {};
  for (const [k, d] of Object.entries(defaults)) form[k] = record?.[k] ?? d;
  return form;
}
