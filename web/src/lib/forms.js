// Helpers shared by the edit forms: where an API error belongs, and what to send.
import { tick } from 'svelte';

/**
 * Splits a field path of the API into its parts: 'quotas[1].places_per_year', 'quotas.1.places_per_year'
 * and 'quotas/1/places_per_year' all give ['quotas', 1, 'places_per_year'].
 */
export function fieldPath(field) {
  if (!field) return [];
  return String(field)
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The error, if it concerns exactly this field path ('title', or ['quotas', 0, 'direction']). */
export function errorFor(err, ...path) {
  if (!err?.field) return null;
  const p = fieldPath(err.field);
  if (p.length !== path.length) return null;
  return p.every((part, i) => part === path[i]) ? err : null;
}

/** Whether the error concerns a field that the form shows; otherwise it goes to the top of the form. */
export function isFieldError(err, fields) {
  if (!err?.field || err.status === 412) return false;
  const [head] = fieldPath(err.field);
  return fields.includes(head);
}

/** Moves focus to the field an error is about (or to the form's alert) once it is on screen. */
export async function focusError(err, formId, idFor) {
  await tick();
  const id = err?.field ? idFor(fieldPath(err.field)) : null;
  const el = (id && document.getElementById(id)) || document.querySelector(`#${formId} [role="alert"]`);
  el?.focus?.();
  el?.scrollIntoView?.({ block: 'center', behavior: 'instant' });
}

/** '' and undefined become null, so that optional fields are sent as absent values. */
export function orNull(value) {
  return value === '' || value === undefined ? null : value;
}

export function numberOrNull(value) {
  if (value === '' || value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The id of a form control for a field path: 'f-title', 'f-quotas-0-places_per_year'. */
export function controlId(path) {
  return `f-${path.join('-')}`;
}
