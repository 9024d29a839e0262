import { describe, it, expect } from 'vitest';
import { feature } from 'topojson-client';
import { geoNaturalEarth1 } from 'd3-geo';
import world from 'world-atlas/countries-110m.json';
import { featuresById } from './geo.js';
import { placeMarkers, drawingGroups, drawMarkers, MarkerIndex, findMarkers, folded } from './markers.js';

const byId = featuresById(feature(world, world.objects.countries).features);
const projection = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [956, 496],
  ],
  { type: 'Sphere' },
);

const kcl = { id: 1, tier: 'transcampus', name: "King's College London", country: 'GB', city: 'London', latitude: 51.5115, longitude: -0.116, active_agreements: 2 };
const wroclaw = { id: 2, tier: 'strategic', name: 'Wroclaw Medical University', country: 'PL', city: 'Wrocław', latitude: 51.11, longitude: 17.03, active_agreements: 5 };
const sorbonne = { id: 3, tier: 'standard', name: 'Sorbonne Université', country: 'FR', city: 'Paris', latitude: 48.85, longitude: 2.34, active_agreements: 0 };
const nowhere = { id: 4, tier: 'standard', name: 'Nowhere', country: 'XX', city: null, latitude: null, longitude: null, active_agreements: 0 };

// A 2D context that records what is drawn.
function recordingContext() {
  const calls = [];
  const ctx = { calls };
  for (const name of ['setTransform', 'beginPath', 'moveTo', 'arc', 'fill', 'stroke', 'clearRect']) {
    ctx[name] = (...args) => calls.push({ name, args, fillStyle: ctx.fillStyle, lineWidth: ctx.lineWidth });
  }
  return ctx;
}

describe('markers on a canvas', () => {
  it('are placed in drawing order, and partners without a place are left out', () => {
    const markers = placeMarkers([sorbonne, kcl, nowhere, wroclaw], projection, byId);
    expect(markers.map((m) => m.p.id)).toEqual([3, 2, 1]); // standard, strategic, transCampus on top
    const [x, y] = projection([-0.116, 51.5115]);
    expect(markers[2].x).toBeCloseTo(x);
    expect(markers[2].y).toBeCloseTo(y);
  });

  it('are drawn in one path per tier and size, in the tier’s colour, at their place', () => {
    const markers = placeMarkers([kcl, wroclaw, sorbonne], projection, byId);
    const groups = drawingGroups(markers);
    expect(groups.map((g) => g.tier)).toEqual(['standard', 'strategic', 'transcampus']);
    const ctx = recordingContext();
    const colours = { standard: 'grey', strategic: 'orange', transcampus: 'purple' };
    const drawn = drawMarkers(ctx, markers, groups, { view: [0, 0, 960, 500], pixelsPerUnit: 2, unit: 0.5, colours });
    expect(drawn).toBe(3);
    const arcs = ctx.calls.filter((c) => c.name === 'arc');
    expect(arcs).toHaveLength(3);
    const kclArc = arcs[2].args;
    expect(kclArc[0]).toBeCloseTo(markers[2].x);
    expect(kclArc[1]).toBeCloseTo(markers[2].y);
    expect(kclArc[2]).toBeCloseTo(markers[2].r * 0.5);
    expect(ctx.calls.filter((c) => c.name === 'fill').map((c) => c.fillStyle)).toEqual(['grey', 'orange', 'purple']);
    expect(ctx.calls[0]).toMatchObject({ name: 'setTransform', args: [2, 0, 0, 2, -0, -0] });
  });

  it('outside the view are not drawn', () => {
    const markers = placeMarkers([kcl, wroclaw, sorbonne], projection, byId);
    const [x, y] = projection([17.03, 51.11]); // Wroclaw, at the right edge of a small view
    const ctx = recordingContext();
    const drawn = drawMarkers(ctx, markers, drawingGroups(markers), {
      view: [x - 5, y - 5, 6, 10],
      pixelsPerUnit: 100,
      unit: 0.01,
      colours: { standard: 'grey' },
    });
    expect(drawn).toBe(1);
    expect(ctx.calls.filter((c) => c.name === 'arc')).toHaveLength(1);
  });

  it('are found under the pointer, the one drawn on top first', () => {
    const here = { x: 100, y: 100, r: 4, p: { id: 1 } };
    const above = { x: 102, y: 100, r: 4, p: { id: 2 } };
    const far = { x: 300, y: 300, r: 16, p: { id: 3 } };
    const index = new MarkerIndex([here, above, far]);
    expect(index.hit(101, 100, 1)?.p.id).toBe(2);
    expect(index.hit(97, 100, 1, 0)?.p.id).toBe(1);
    expect(index.hit(120, 120, 1, 0)).toBeNull();
    expect(index.hit(314, 300, 1, 0)?.p.id).toBe(3); // a large marker reaches over cells
    expect(index.hit(314, 300, 0.5, 0)).toBeNull(); // zoomed in: the marker covers less of the map
  });

  it('find 24,000 markers in a grid quickly enough to follow the pointer', () => {
    const many = Array.from({ length: 24000 }, (_, i) => ({ x: (i * 37) % 960, y: (i * 53) % 500, r: 4, p: { id: i + 1 } }));
    const index = new MarkerIndex(many);
    const target = many[12345];
    expect(index.hit(target.x, target.y, 0.1, 0)?.p.id).toBe(12346);
  });

  it('are found by name or city, folded, names that start with the text first', () => {
    const markers = placeMarkers([kcl, wroclaw, sorbonne], projection, byId);
    expect(folded('Universität WROCŁAW')).toBe('universitat wrocław'); // ł is a letter of its own
    expect(findMarkers(markers, 'universite').items.map((m) => m.p.id)).toEqual([3]);
    expect(findMarkers(markers, 'wroc').items.map((m) => m.p.id)).toEqual([2]);
    expect(findMarkers(markers, 'london').items.map((m) => m.p.id)).toEqual([1]);
    expect(findMarkers(markers, 'i', 2)).toMatchObject({ total: 3 });
    expect(findMarkers(markers, 'i', 2).items).toHaveLength(2);
    expect(findMarkers(markers, '  ').total).toBe(0);
  });
});
