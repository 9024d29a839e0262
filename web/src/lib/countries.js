// ISO 3166-1 codes from the i18n-iso-countries package (its bare code table, not its name data:
// country names come from Intl.DisplayNames in the chosen language).
import codes from 'i18n-iso-countries/codes.json';
import { countryName, compareText } from './format.js';

const numericByAlpha2 = new Map(codes.map(([alpha2, , numeric]) => [alpha2, numeric]));

export const alpha2Codes = codes.map(([alpha2]) => alpha2);

/** world-atlas identifies countries by ISO 3166-1 numeric code, as a zero-padded string ('826'). */
export function numericCode(alpha2) {
  return numericByAlpha2.get(String(alpha2 ?? '').toUpperCase()) ?? null;
}

/** All countries as {code, name}, sorted by name in the given language. */
export function countryOptions(locale) {
  return alpha2Codes
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => compareText(a.name, b.name, locale));
}
