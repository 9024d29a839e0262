import { describe, it, expect, afterEach } from 'vitest';
import { settings, localName } from './settings.svelte.js';

describe('the school’s names in the reader’s language', () => {
  afterEach(() => {
    for (const k of Object.keys(settings)) delete settings[k];
  });

  it('takes the German name in German where the settings have one, else the name as kept', () => {
    Object.assign(settings, { school_name: 'School of Medicine', school_name_de: 'Medizinische Fakultät', institution_name: 'Technische Universität Dresden' });
    expect(localName('school_name', 'de')).toBe('Medizinische Fakultät');
    expect(localName('school_name', 'en')).toBe('School of Medicine');
    expect(localName('institution_name', 'de')).toBe('Technische Universität Dresden');
    settings.school_name_de = '  ';
    expect(localName('school_name', 'de')).toBe('School of Medicine');
    expect(localName('erasmus_code', 'de')).toBe('');
  });
});
