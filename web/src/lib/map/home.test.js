import { describe, it, expect } from 'vitest';
import { codeKey, homeSearch, findHome, homePlace, loadHome } from './home.js';

const settings = { institution_name: 'Technische Universität Dresden', erasmus_code: 'D  DRESDEN02', hei_id: 'tu-dresden.de', country: 'DE' };
const tud = { id: 1, name: 'Technische Universität Dresden', country: 'DE', city: 'Dresden', erasmus_code: 'D  DRESDEN02', hei_id: 'tu-dresden.de', latitude: 51.0285, longitude: 13.727 };
const other = { id: 2, name: 'Hochschule Dresden', country: 'DE', city: 'Dresden', erasmus_code: 'D  DRESDEN03', hei_id: 'htw-dresden.de', latitude: 51.03, longitude: 13.73 };

describe('the home institution', () => {
  it('compares codes without spaces and case', () => {
    expect(codeKey('D  DRESDEN02')).toBe(codeKey('d dresden02'));
    expect(codeKey(null)).toBe('');
  });

  it('searches the register for the Erasmus code, else the hei-id', () => {
    expect(homeSearch(settings)).toBe('D  DRESDEN02');
    expect(homeSearch({ erasmus_code: ' ', hei_id: 'tu-dresden.de' })).toBe('tu-dresden.de');
    expect(homeSearch({})).toBeNull();
  });

  it('is the institution with the same Erasmus code or hei-id, not another of its city', () => {
    expect(findHome(settings, [other, tud])).toBe(tud);
    expect(findHome({ erasmus_code: '', hei_id: 'TU-Dresden.de' }, [other, tud])).toBe(tud);
    expect(findHome(settings, [other])).toBeNull();
    expect(findHome({ erasmus_code: '', hei_id: '' }, [other])).toBeNull();
  });

  it('is placed where the register has it, else in its country', () => {
    expect(homePlace(settings, tud)).toEqual({ name: 'Technische Universität Dresden', city: 'Dresden', country: 'DE', latitude: 51.0285, longitude: 13.727 });
    expect(homePlace(settings, null)).toEqual({ name: 'Technische Universität Dresden', city: null, country: 'DE', latitude: null, longitude: null });
    expect(homePlace(settings, tud, 'TU Dresden (de)').name).toBe('TU Dresden (de)');
    expect(homePlace({}, null)).toBeNull();
  });

  it('is loaded from the settings and the register', async () => {
    const asked = [];
    const api = {
      homeSettings: async () => settings,
      institutions: { list: async (query) => (asked.push(query), { items: [other, tud] }) },
    };
    expect(await loadHome(api)).toMatchObject({ name: 'Technische Universität Dresden', latitude: 51.0285 });
    expect(asked).toEqual([{ q: 'D  DRESDEN02', limit: 10 }]);
  });
});
