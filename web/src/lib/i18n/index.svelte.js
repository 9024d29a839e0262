// The current language and the translation function. Every visible string goes through t().
import en from './en.js';
import de from './de.js';

export const messages = { en, de };
export const locales = ['en', 'de'];
const STORAGE_KEY = 'weltcampus.lang';

function initialLocale() {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && locales.includes(saved)) return saved;
  } catch {
    // storage may be disabled (private mode); fall back to the browser's language
  }
  const preferred = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en'];
  for (const tag of preferred) {
    const base = String(tag).slice(0, 2).toLowerCase();
    if (locales.includes(base)) return base;
  }
  return 'en';
}

export const i18n = $state({ locale: initialLocale() });

function applyLang(locale) {
  if (globalThis.document) document.documentElement.lang = locale;
}
applyLang(i18n.locale);

export function setLocale(locale) {
  if (!locales.includes(locale)) throw new Error(`unknown locale ${locale}`);
  i18n.locale = locale;
  applyLang(locale);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered, but still switched
  }
}

export function lookup(dict, key) {
  let node = dict;
  for (const part of key.split('.')) {
    if (node == null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && typeof node.other === 'string') return node; // plural forms
  return undefined;
}

const numberFormats = {};
const pluralRules = {};
const tags = { en: 'en-GB', de: 'de-DE' };

/** Picks the plural form for params.count and formats numeric parameters for the language. */
function resolveText(entry, params, locale) {
  const tag = tags[locale] ?? locale;
  let text = entry;
  if (typeof entry === 'object') {
    pluralRules[tag] ??= new Intl.PluralRules(tag);
    const form = pluralRules[tag].select(Number(params?.count ?? 0));
    text = entry[form] ?? entry.other;
  }
  if (!params) return text;
  numberFormats[tag] ??= new Intl.NumberFormat(tag);
  const formatted = {};
  for (const [k, v] of Object.entries(params)) formatted[k] = typeof v === 'number' ? numberFormats[tag].format(v) : v;
  return interpolate(text, formatted);
}

export function interpolate(text, params) {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Translate `key` in the current language; `{name}` placeholders are filled from params. */
export function t(key, params) {
  const locale = i18n.locale;
  let entry = lookup(messages[locale], key);
  let used = locale;
  if (entry === undefined) {
    entry = lookup(en, key);
    used = 'en';
  }
  if (entry === undefined) {
    if (import.meta.env?.DEV) console.warn(`missing translation: ${key}`);
    return key;
  }
  return resolveText(entry, params, used);
}

/** Whether a key exists (used to translate known server codes and fall back otherwise). */
export function has(key) {
  return lookup(messages[i18n.locale], key) !== undefined;
}

/** Flatten a nested dictionary into 'a.b.c' keys (tests and tooling). */
export function flatten(dict, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(dict)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out); // plural forms become key.one, key.other
    else out[key] = v;
  }
  return out;
}
