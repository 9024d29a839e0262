// Formatting of numbers, dates, academic years and countries for the chosen language, all through Intl.
import { i18n, messages, lookup, interpolate } from './i18n/index.svelte.js';

const tags = { en: 'en-GB', de: 'de-DE' };
const cache = new Map();

function cached(kind, locale, options, make) {
  const key = `${kind}|${locale}|${JSON.stringify(options ?? {})}`;
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export function localeTag(locale = i18n.locale) {
  return tags[locale] ?? locale;
}

export function formatNumber(value, options, locale = i18n.locale) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '–';
  const nf = cached('n', locale, options, () => new Intl.NumberFormat(localeTag(locale), options));
  return nf.format(Number(value));
}

/** Parses 'YYYY-MM-DD' (or a timestamp) without letting the time zone move the day. */
export function parseIsoDate(value) {
  if (!value) return null;
  if (value instanceof Date) return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDate(value, style = 'medium', locale = i18n.locale) {
  const d = parseIsoDate(value);
  if (!d) return '–';
  const df = cached('d', locale, style, () =>
    new Intl.DateTimeFormat(localeTag(locale), { dateStyle: style, timeZone: 'UTC' }),
  );
  return df.format(d);
}

const ACADEMIC_YEAR = /^(\d{4})\/(\d{4})$/;

// What people write for an academic year: 2027/2028, 2027/28, 2027-28, 2027–28 (as the app shows it
// in English), with or without spaces around the mark.
const ACADEMIC_YEAR_INPUT = /^(\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})$/;

/** The academic year as the API writes it ('2027/2028'), from any of those forms; null if none. */
export function parseAcademicYear(value) {
  const m = ACADEMIC_YEAR_INPUT.exec(String(value ?? '').trim());
  if (!m) return null;
  const first = Number(m[1]);
  const second = m[2].length === 2 ? Math.floor((first + 1) / 100) * 100 + Number(m[2]) : Number(m[2]);
  return second === first + 1 ? `${first}/${second}` : null;
}

/** Whether the text is an academic year: two consecutive years in one of the forms above. */
export function isAcademicYear(value) {
  return parseAcademicYear(value) !== null;
}

/** The academic year a day belongs to: it runs from 1 October to 30 September. */
export function academicYearOf(date = new Date()) {
  const d = parseIsoDate(date) ?? new Date();
  const year = d.getUTCFullYear();
  const start = d.getUTCMonth() >= 9 ? year : year - 1;
  return `${start}/${start + 1}`;
}

export function shiftAcademicYear(academicYear, by) {
  const m = ACADEMIC_YEAR.exec(academicYear);
  if (!m) return academicYear;
  const start = Number(m[1]) + by;
  return `${start}/${start + 1}`;
}

/** Last day of an academic year, as the API's `ends_on`. */
export function academicYearEnd(academicYear) {
  const m = ACADEMIC_YEAR.exec(academicYear);
  return m ? `${m[2]}-09-30` : null;
}

/**
 * English writes 2026–27, German 2026/27 (the form used in German university calendars).
 * Digits go through Intl so that a locale with other numerals would still be right.
 */
export function formatAcademicYear(value, locale = i18n.locale) {
  const m = ACADEMIC_YEAR.exec(String(value ?? ''));
  if (!m) return value ? String(value) : '–';
  const nf = cached('y', locale, null, () =>
    new Intl.NumberFormat(localeTag(locale), { useGrouping: false, minimumIntegerDigits: 2 }),
  );
  const first = nf.format(Number(m[1]));
  const second = nf.format(Number(m[2]) % 100);
  return locale === 'de' ? `${first}/${second}` : `${first}–${second}`;
}

export function formatAcademicYearRange(first, last, locale = i18n.locale) {
  if (!first && !last) return '–';
  if (first === last || !last) return formatAcademicYear(first, locale);
  const pattern = lookup(messages[locale] ?? messages.en, 'format.yearRange') ?? '{first} – {last}';
  return interpolate(pattern, { first: formatAcademicYear(first, locale), last: formatAcademicYear(last, locale) });
}

export function countryName(code, locale = i18n.locale) {
  if (!code) return '–';
  const dn = cached('c', locale, null, () => new Intl.DisplayNames([localeTag(locale)], { type: 'region' }));
  try {
    return dn.of(String(code).toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code, locale = i18n.locale) {
  if (!code) return '–';
  const dn = cached('l', locale, null, () => new Intl.DisplayNames([localeTag(locale)], { type: 'language' }));
  try {
    return dn.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Whole months from `from` until `to` (negative when past), for "expires in 5 months". */
export function monthsBetween(from, to) {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return null;
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months -= 1;
  return months;
}

export function formatRelativeMonths(months, locale = i18n.locale) {
  if (months === null || months === undefined) return '–';
  const rf = cached('r', locale, null, () => new Intl.RelativeTimeFormat(localeTag(locale), { numeric: 'auto' }));
  return rf.format(months, 'month');
}

/** Sorts by the current language's collation (umlauts in German, etc.). */
export function compareText(a, b, locale = i18n.locale) {
  const coll = cached('s', locale, null, () => new Intl.Collator(localeTag(locale), { sensitivity: 'base' }));
  return coll.compare(a ?? '', b ?? '');
}

/**
 * A moment as the server writes it: ISO 8601 with its zone ('2026-11-28T17:00:00Z'), or the database's
 * '2026-11-28 17:00:00' without one, which is UTC. Null when it is none.
 */
export function parseTimestamp(value) {
  if (!value) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  let text = String(value).trim();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (m) text = `${m[1]}T${m[2]}${m[3] ?? 'Z'}`;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A moment's day and time of day in the reader's time zone, each on its own ("3 Dec 2026", "10:15"). */
export function formatMoment(value, locale = i18n.locale) {
  const d = parseTimestamp(value);
  if (!d) return null;
  const day = cached('md', locale, null, () => new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium' }));
  const time = cached('mt', locale, null, () => new Intl.DateTimeFormat(localeTag(locale), { timeStyle: 'short' }));
  return { date: day.format(d), time: time.format(d) };
}

/** A moment ('2026-11-28T17:00:00Z') in the reader's time zone, with date and time. */
export function formatDateTime(value, locale = i18n.locale) {
  if (!value) return '–';
  const d = parseTimestamp(value);
  if (!d) return String(value);
  const df = cached('dt', locale, 'short', () =>
    new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeStyle: 'medium' }),
  );
  return df.format(d);
}

/** "Notes, Tier and Objectives" in the reader's language. */
export function formatList(items, locale = i18n.locale) {
  const lf = cached('lf', locale, null, () => new Intl.ListFormat(localeTag(locale), { style: 'long', type: 'conjunction' }));
  return lf.format(items.map(String));
}
