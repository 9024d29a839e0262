// The school's own settings (name, Erasmus code), read once for the header.
import { api } from './api.js';
import { i18n } from './i18n/index.svelte.js';

export const settings = $state({ institution_name: '', school_name: '', erasmus_code: '', country: '' });

export async function loadSettings() {
  try {
    Object.assign(settings, await api.homeSettings());
  } catch {
    // the header works without the name
  }
}

/**
 * A name of the settings in the reader's language: `school_name_de` for `school_name` in German, where the
 * settings have one; else the name as kept.
 */
export function localName(field, locale = i18n.locale) {
  const local = settings[`${field}_${locale}`];
  return (typeof local === 'string' && local.trim()) || settings[field] || '';
}
