// The school's own settings (name, Erasmus code), read once for the header.
import { api } from './api.js';

export const settings = $state({ institution_name: '', school_name: '', erasmus_code: '', country: '' });

export async function loadSettings() {
  try {
    Object.assign(settings, await api.homeSettings());
  } catch {
    // the header works without the name
  }
}
