import { describe, it, expect } from 'vitest';
import { clusterMarkers, clusterRadius, clusterAction, mainCountry, inView, markersInView } from './clusters.js';

const marker = (id, x, y, tier = 'standard', country = 'DE') => ({ p: { id, tier, country, name: `P${id}` }, x, y, r: 4 });

describe('grouping markers', () => {
  it('groups markers within the radius and leaves distant ones alone, in their drawing order', () => {
    const markers = [marker(1, 100, 100), marker(2, 105, 100), marker(3, 300, 300), marker(4, 100, 108, 'strategic'), marker(5, 500, 100)];
    const { singles, clusters } = clusterMarkers(markers, 10);
    expect(singles.map((m) => m.p.id)).toEqual([3, 5]);
    expect(clusters).toHaveLength(1);
    const [c] = clusters;
    expect(c.count).toBe(3);
    expect(c.members.map((m) => m.p.id).sort()).toEqual([1, 2, 4]);
    // at its seed, the last drawn of them
    expect(c.members[0].p.id).toBe(4);
    expect([c.x, c.y]).toEqual([100, 108]);
    expect(c.tier).toBe('strategic');
    expect(c.bounds).toEqual([100, 100, 105, 108]);
  });

  it('leaves every marker alone with a radius of zero and when the markers are apart', () => {
    const markers = [marker(1, 0, 0), marker(2, 1, 0)];
    expect(clusterMarkers(markers, 0)).toEqual({ singles: markers, clusters: [] });
    expect(clusterMarkers(markers, 0.5).clusters).toEqual([]);
    expect(clusterMarkers(markers, 1).clusters).toHaveLength(1);
  });

  it('finds neighbours across the cells of its grid', () => {
    // 9.9 and 10.1 lie in different cells of a 10 wide grid, also at negative coordinates
    expect(clusterMarkers([marker(1, 9.9, 9.9), marker(2, 10.1, 10.1)], 10).clusters[0].count).toBe(2);
    expect(clusterMarkers([marker(1, -0.1, -0.1), marker(2, 0.1, 0.1)], 10).clusters[0].count).toBe(2);
  });

  it('seeds from the last drawn marker, so the most important one gathers its neighbours', () => {
    // a chain 0 — 8 — 16: seeded from 16, it takes 8; 0 stays alone
    const markers = [marker(1, 0, 0), marker(2, 8, 0), marker(3, 16, 0, 'transcampus')];
    const { singles, clusters } = clusterMarkers(markers, 10);
    expect(singles.map((m) => m.p.id)).toEqual([1]);
    expect(clusters[0].members.map((m) => m.p.id)).toEqual([3, 2]);
    expect(clusters[0].tier).toBe('transcampus');
  });

  it('leaves no two singles or groups within the radius, and every marker exactly once', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const markers = Array.from({ length: 3000 }, (_, i) => marker(i, random() * 960, random() * 500));
    const { singles, clusters } = clusterMarkers(markers, 12);
    const ids = [...singles, ...clusters.flatMap((c) => c.members)].map((m) => m.p.id).sort((a, b) => a - b);
    expect(ids).toEqual(markers.map((m) => m.p.id));
    const shown = [...singles, ...clusters];
    let closest = Infinity;
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        closest = Math.min(closest, Math.hypot(shown[i].x - shown[j].x, shown[i].y - shown[j].y));
      }
    }
    expect(singles.length).toBeGreaterThan(100);
    expect(clusters.length).toBeGreaterThan(100);
    expect(closest).toBeGreaterThan(12);
  });

  // No timing here: a busy machine fails timed tests (it took 2–3 ms a zoom when written, up to 0.5 s under load).
  it('groups 24,000 partners, every one of them, into fewer than 200 groups at world zoom', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    // most partners in Europe, a crowd at a few country centres
    const markers = Array.from({ length: 24000 }, (_, i) =>
      i % 3 === 0 ? marker(i, 480 + random() * 2, 120 + random() * 2) : marker(i, 440 + random() * 120, 90 + random() * 80),
    );
    const { singles, clusters } = clusterMarkers(markers, 26);
    expect(singles.length + clusters.reduce((n, c) => n + c.count, 0)).toBe(24000);
    expect(clusters.length).toBeLessThan(200);
  });
});

describe('a group', () => {
  it('grows slowly with its number of partners', () => {
    expect(clusterRadius(2)).toBe(13);
    expect(clusterRadius(1000)).toBe(21);
    expect(clusterRadius(10)).toBeLessThan(clusterRadius(100));
  });

  it('names the country most of its partners are in', () => {
    const c = clusterMarkers([marker(1, 0, 0, 'standard', 'PL'), marker(2, 1, 0, 'standard', 'DE'), marker(3, 2, 0, 'standard', 'PL')], 5).clusters[0];
    expect(mainCountry(c)).toBe('PL');
    const tie = clusterMarkers([marker(1, 0, 0, 'standard', 'PL'), marker(2, 1, 0, 'standard', 'AT')], 5).clusters[0];
    expect(mainCountry(tie)).toBe('AT');
  });

  it('zooms in on its partners when activated, at least twice as far, and lists them at the largest zoom', () => {
    const c = { bounds: [100, 100, 110, 104] };
    // 960 / 10 / 2 = 48 would fit them in half the view; capped at 12
    expect(clusterAction(c, { zoom: 1, maxZoom: 12, size: [960, 500] })).toEqual({ zoom: 12, x: 105, y: 102 });
    const wide = { bounds: [0, 0, 200, 100] };
    expect(clusterAction(wide, { zoom: 1, maxZoom: 12, size: [960, 500] })).toEqual({ zoom: 2.4, x: 100, y: 50 });
    expect(clusterAction(wide, { zoom: 4, maxZoom: 12, size: [960, 500] }).zoom).toBe(8);
    // markers on the same point: the largest zoom
    expect(clusterAction({ bounds: [5, 5, 5, 5] }, { zoom: 3, maxZoom: 12, size: [960, 500] }).zoom).toBe(12);
    expect(clusterAction(c, { zoom: 12, maxZoom: 12, size: [960, 500] })).toEqual({ list: true });
  });
});

describe('the view', () => {
  it('tells the markers inside it, edges included', () => {
    const view = [10, 10, 100, 50];
    expect(inView({ x: 10, y: 60 }, view)).toBe(true);
    expect(inView({ x: 9, y: 30 }, view)).toBe(false);
    expect(inView({ x: 9, y: 30 }, view, 2)).toBe(true);
    const markers = [marker(1, 50, 30), marker(2, 200, 30), marker(3, 12, 12)];
    expect(markersInView(markers, view).map((m) => m.p.id)).toEqual([1, 3]);
  });
});
