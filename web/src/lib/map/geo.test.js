import { describe, it, expect } from 'vitest';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { featuresById, partnerLocation, markerRadius, drawingOrder, spread } from './geo.js';
import { numericCode, countryOptions } from '../countries.js';

const byId = featuresById(feature(world, world.objects.countries).features);

describe('country codes', () => {
  it('map alpha-2 to the numeric ids of world-atlas', () => {
    expect(numericCode('GB')).toBe('826');
    expect(numericCode('pl')).toBe('616');
    expect(numericCode('AU')).toBe('036');
    expect(numericCode('XX')).toBeNull();
    for (const code of ['GB', 'PL', 'AU', 'DE', 'GR', 'US']) expect(byId.has(numericCode(code))).toBe(true);
  });
  it('list all countries by their name in the language', () => {
    const de = countryOptions('de');
    expect(de.length).toBeGreaterThan(240);
    expect(de.find((c) => c.code === 'DE').name).toBe('Deutschland');
    const idx = (code) => de.findIndex((c) => c.code === code);
    expect(idx('EG')).toBeLessThan(idx('AL')); // German collation: Ägypten before Albanien
  });
});

describe('placing partners', () => {
  it('uses the institution’s coordinates when known', () => {
    expect(partnerLocation({ country: 'GB', latitude: 51.5115, longitude: -0.116 }, byId)).toEqual([-0.116, 51.5115]);
  });
  it('falls back to the country’s centroid', () => {
    const [lon, lat] = partnerLocation({ country: 'PL', latitude: null, longitude: null }, byId);
    expect(lon).toBeGreaterThan(14);
    expect(lon).toBeLessThan(24);
    expect(lat).toBeGreaterThan(49);
    expect(lat).toBeLessThan(55);
    const [alon, alat] = partnerLocation({ country: 'AU' }, byId);
    expect(alon).toBeGreaterThan(120);
    expect(alat).toBeLessThan(-15);
  });
  it('places partners in countries too small for the 1:110m map by the build-time centroids', async () => {
    const { default: small } = await import('virtual:country-centroids');
    expect(byId.has(numericCode('SG'))).toBe(false);
    const [lon, lat] = partnerLocation({ country: 'SG' }, byId, new Map(), small);
    expect(lon).toBeCloseTo(103.8, 0);
    expect(lat).toBeCloseTo(1.35, 0);
  });
  it('gives up only without a country', () => {
    expect(partnerLocation({ country: null }, byId)).toBeNull();
  });
});

describe('markers', () => {
  it('grow with the number of agreements, within limits', () => {
    expect(markerRadius(0)).toBeLessThan(markerRadius(1));
    expect(markerRadius(4)).toBeLessThan(markerRadius(9));
    expect(markerRadius(10000)).toBe(16);
  });
  it('draw strategic partners last, that is on top', () => {
    const list = [{ tier: 'transcampus' }, { tier: 'standard' }, { tier: 'strategic' }].sort(drawingOrder);
    expect(list.map((p) => p.tier)).toEqual(['standard', 'strategic', 'transcampus']);
  });
  it('do not hide each other when they share a point', () => {
    const out = spread([{ x: 10, y: 10 }, { x: 10, y: 10 }, { x: 10, y: 10 }], 4);
    const keys = new Set(out.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`));
    expect(keys.size).toBe(3);
  });
});
