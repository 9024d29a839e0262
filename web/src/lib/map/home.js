// The home institution on the map. The home settings (GET /settings/home) name it by Erasmus code and hei-id; its
// place is in the institution register (the school's own university is an institution there, never a partner),
// found by searching the register for the code.

/** A code compared without spaces and case ("D  DRESDEN02" = "d dresden02"), as the server compares them. */
export function codeKey(code) {
  return String(code ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** What to search the register for: the Erasmus code, else the hei-id; null when the settings name neither. */
export function homeSearch(settings) {
  const code = String(settings?.erasmus_code ?? '').trim();
  if (code) return code;
  const hei = String(settings?.hei_id ?? '').trim();
  return hei || null;
}

/** The institution of the register that is the home institution (same Erasmus code or hei-id), or null. */
export function findHome(settings, institutions) {
  const code = codeKey(settings?.erasmus_code);
  const hei = codeKey(settings?.hei_id);
  return (
    (institutions ?? []).find(
      (i) => (code && codeKey(i.erasmus_code) === code) || (hei && codeKey(i.hei_id) === hei),
    ) ?? null
  );
}

/**
 * The home institution as the map shows it: {name, city, country, latitude, longitude}; the register's place when it
 * has one, else only the country (the map puts it at the country's centre). Null without a name or country.
 */
export function homePlace(settings, institution, localName = settings?.institution_name) {
  const name = String(localName || institution?.name || '').trim();
  const country = institution?.country ?? settings?.country ?? null;
  if (!name || !country) return null;
  return {
    name,
    city: institution?.city ?? null,
    country,
    latitude: institution?.latitude ?? null,
    longitude: institution?.longitude ?? null,
  };
}

/**
 * Loads the home institution's place: the settings, then the register searched by its code. `api` is the app's
 * client ({homeSettings, partners: institutions.list}); `localName` picks the name in the reader's language.
 */
export async function loadHome(api, signal, localName = (s) => s.institution_name) {
  const settings = await api.homeSettings(signal);
  const search = homeSearch(settings);
  let institution = null;
  if (search) {
    const found = await api.institutions.list({ q: search, limit: 10 }, signal);
    institution = findHome(settings, found?.items);
  }
  return homePlace(settings, institution, localName(settings));
}
