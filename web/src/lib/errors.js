// Turns an API error into words for the user: known codes are translated, and a validation message
// about one field gets a translated hint with the server's own words beside it.
import { t, has, i18n } from './i18n/index.svelte.js';

// The API writes its messages in English, for display beside the field ("Must be between 0 and 10000").
const SERVER_LANGUAGE = 'en';

/** @returns {{text: string, detail: string | null}} */
export function describeError(err) {
  if (!err) return { text: '', detail: null };
  const server = err.message && err.message !== err.code ? err.message : null;
  if (err.status === 403 && err.reason !== 'password_change_required') {
    return { text: t('auth.noPermission'), detail: server };
  }
  if ((err.code === 'validation_failed' || err.field) && server && i18n.locale === SERVER_LANGUAGE) {
    return { text: server, detail: null };
  }
  if (err.code === 'validation_failed' && err.field && has(`validation.${err.field}`)) {
    return { text: t(`validation.${err.field}`), detail: server };
  }
  if (err.code === 'validation_failed' && server) {
    return { text: server, detail: null };
  }
  if (err.code && has(`errors.${err.code}`)) {
    return { text: t(`errors.${err.code}`), detail: err.code === 'internal' ? null : server };
  }
  return { text: server ?? t('errors.unknown'), detail: null };
}

/** The error that belongs beside `field` (also matching 'quotas[0].places_per_year' under 'quotas'). */
export function fieldError(err, field) {
  if (!err?.field) return null;
  return err.field === field ? err : null;
}
