// Texts that people write in prose and may give in English and German (an agreement's title, a partnership's
// objectives, a joint structure's description): `field` holds the English text, `field_de` the German one. The
// reader gets their own language, the other as the fallback.
import { t, i18n } from './i18n/index.svelte.js';

const given = (value) => (typeof value === 'string' && value.trim() ? value : null);

/** The record's `field` in the reader's language, else in the other one; null when neither is given. */
export function inLanguage(record, field, locale = i18n.locale) {
  const english = given(record?.[field]);
  const german = given(record?.[`${field}_de`]);
  return locale === 'de' ? (german ?? english) : (english ?? german);
}

/** An agreement's title in the reader's language, else its type ("Erasmus+ inter-institutional agreement"). */
export function agreementTitle(agreement, locale = i18n.locale) {
  return inLanguage(agreement, 'title', locale) || (agreement?.type ? t(`agreementType.${agreement.type}`) : '');
}
