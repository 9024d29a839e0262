import { describe, expect, it } from 'vitest';
import { inLanguage, agreementTitle } from './prose.js';

describe('inLanguage', () => {
  const both = { title: 'Exchange of students', title_de: 'Studierendenaustausch' };
  it('gives the reader’s language', () => {
    expect(inLanguage(both, 'title', 'en')).toBe('Exchange of students');
    expect(inLanguage(both, 'title', 'de')).toBe('Studierendenaustausch');
  });
  it('falls back to the other language, never to a blank', () => {
    expect(inLanguage({ title: 'Only English', title_de: '  ' }, 'title', 'de')).toBe('Only English');
    expect(inLanguage({ title: null, title_de: 'Nur Deutsch' }, 'title', 'en')).toBe('Nur Deutsch');
    expect(inLanguage({ title: '', title_de: null }, 'title', 'en')).toBeNull();
    expect(inLanguage(undefined, 'title', 'en')).toBeNull();
  });
});

describe('agreementTitle', () => {
  it('names an untitled agreement by its type', () => {
    expect(agreementTitle({ title: null, type: 'erasmus_iia' }, 'en')).not.toBe('');
    expect(agreementTitle({ title: 'T', title_de: 'D', type: 'erasmus_iia' }, 'de')).toBe('D');
  });
});
