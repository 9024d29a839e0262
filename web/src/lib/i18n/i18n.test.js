import { describe, it, expect, beforeEach } from 'vitest';
import en from './en.js';
import de from './de.js';
import { flatten, t, setLocale, i18n, lookup } from './index.svelte.js';
import { mergeMessages } from './merge.js';
import { areas } from '../nav.js';
import fixture from '../enumerations.fixture.js';
import { LABELS } from '../enumerations.svelte.js';
import { AUDIT_ACTIONS } from '../audit.js';
import { RECORD_TYPES } from '../changes.js';

const enKeys = flatten(en);
const deKeys = flatten(de);
const placeholders = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every source file of the application, to find the keys it uses.
const sources = import.meta.glob(['../../**/*.svelte', '../../**/*.js', '!../../**/*.test.js'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('translations are complete', () => {
  it('German has every English key', () => {
    const missing = Object.keys(enKeys).filter((k) => !(k in deKeys));
    expect(missing).toEqual([]);
  });

  it('English has every German key', () => {
    const missing = Object.keys(deKeys).filter((k) => !(k in enKeys));
    expect(missing).toEqual([]);
  });

  it('no translation is empty', () => {
    const empty = [...Object.entries(enKeys), ...Object.entries(deKeys)].filter(([, v]) => typeof v !== 'string' || !v.trim());
    expect(empty).toEqual([]);
  });

  it('both languages use the same placeholders', () => {
    const differ = Object.keys(enKeys).filter((k) => JSON.stringify(placeholders(enKeys[k])) !== JSON.stringify(placeholders(deKeys[k])));
    expect(differ).toEqual([]);
  });

  it('every key used in the source exists in both languages', () => {
    const used = new Set();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\b(?:label|placeholder|hint|empty): '([a-z]+\.[A-Za-z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => lookup(en, k) === undefined || lookup(de, k) === undefined);
    expect(missing).toEqual([]);
  });

  it('every value of the API enumerations has a label', () => {
    // the server's enumerations (here the contract's fixture), each by the i18n group that labels it
    const families = {
      ...Object.fromEntries(Object.entries(LABELS).map(([name, family]) => [family, fixture.enumerations[name]])),
      auditAction: AUDIT_ACTIONS,
      auditEntity: RECORD_TYPES,
      langName: ['en', 'de'],
      'audit.changeKind': ['added', 'removed', 'changed', 'unchanged'],
    };
    const missing = [];
    for (const [family, values] of Object.entries(families)) {
      for (const v of values) {
        for (const [name, dict] of Object.entries({ en, de })) {
          if (lookup(dict, `${family}.${v}`) === undefined) missing.push(`${name}:${family}.${v}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every error code of the API contract is translated', () => {
    const codes = ['bad_request', 'validation_failed', 'not_found', 'conflict', 'precondition_failed', 'precondition_required', 'payload_too_large', 'unauthorized', 'forbidden', 'too_many_requests', 'internal'];
    for (const c of codes) {
      expect(lookup(en, `errors.${c}`)).toBeTruthy();
      expect(lookup(de, `errors.${c}`)).toBeTruthy();
    }
  });

  it('every area of the strategy has a name, shown or not', () => {
    for (const a of areas) {
      expect(lookup(en, a.label)).toBeTruthy();
      expect(lookup(de, a.label)).toBeTruthy();
    }
  });

  it('merges the modules’ files; two modules may not claim the same group', () => {
    expect(mergeMessages({ a: { x: '1' } }, { b: { y: '2' } })).toEqual({ a: { x: '1' }, b: { y: '2' } });
    expect(() => mergeMessages({ a: {} }, { a: {} })).toThrow(/two modules/);
  });

  it('German text is written with umlauts, not their substitutes', () => {
    const suspicious = Object.entries(deKeys).filter(([, v]) => /\b(fuer|ueber|Laender|Plaetze|koennen|waehlen|loeschen)\b/i.test(v));
    expect(suspicious).toEqual([]);
  });
});

describe('t()', () => {
  beforeEach(() => setLocale('en'));

  it('translates in the current language', () => {
    expect(t('nav.partners')).toBe('Partners');
    setLocale('de');
    expect(t('nav.agreements')).toBe('Vereinbarungen');
  });

  it('chooses plural forms and formats numbers for the language', () => {
    expect(t('home.inCountries', { count: 1 })).toBe('in 1 country');
    expect(t('home.inCountries', { count: 1234 })).toBe('in 1,234 countries');
    setLocale('de');
    expect(t('home.inCountries', { count: 1 })).toBe('in 1 Land');
    expect(t('home.inCountries', { count: 1234 })).toBe('in 1.234 Ländern');
  });

  it('returns the key when it does not exist', () => {
    expect(t('no.such.key')).toBe('no.such.key');
  });
});

describe('the language setting', () => {
  it('is remembered and sets the lang attribute of the page', () => {
    setLocale('de');
    expect(i18n.locale).toBe('de');
    expect(localStorage.getItem('weltcampus.lang')).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    setLocale('en');
    expect(localStorage.getItem('weltcampus.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('rejects an unknown language', () => {
    expect(() => setLocale('fr')).toThrow();
  });
});
