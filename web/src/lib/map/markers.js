// The map's markers on a canvas: placed once per answer, drawn in few batches, found again under the pointer through a
// grid. Tens of thousands of SVG elements take seconds to lay out; one canvas draws them in milliseconds.
import { partnerLocation, markerRadius, drawingOrder, spread } from './geo.js';
import { compareText } from '../format.js';

/**
 * Markers {p, x, y, r} in drawing order (strategic partners over standard ones, small markers over large ones), in the
 * projection's coordinates; partners that cannot be placed are left out.
 */
export function placeMarkers(partners, projection, byId, fallback = {}) {
  const centroids = new Map();
  const placed = [];
  for (const p of [...partners].sort(drawingOrder)) {
    const loc = partnerLocation(p, byId, centroids, fallback);
    const xy = loc && projection(loc);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
    placed.push({ p, x: xy[0], y: xy[1], r: markerRadius(p.active_agreements) });
  }
  return spread(placed, 3);
}

/** Runs of markers with the same tier and size, in drawing order: each is filled and outlined as one path. */
export function drawingGroups(markers) {
  const groups = [];
  let current = null;
  for (let i = 0; i < markers.length; i++) {
    const m = markers[i];
    if (!current || current.tier !== m.p.tier || current.r !== m.r) {
      current = { tier: m.p.tier, r: m.r, start: i, end: i };
      groups.push(current);
    }
    current.end = i + 1;
  }
  return groups;
}

/**
 * Draws the markers. `view` is the visible part of the map in its coordinates [x, y, width, height]; `pixelsPerUnit`
 * how many canvas pixels one unit is; `unit` how many map units one pixel of a marker's radius is (markers keep their
 * size on screen whatever the zoom). `colours` maps a tier to its fill. Markers outside the view are skipped.
 * Answers how many were drawn.
 */
export function drawMarkers(ctx, markers, groups, { view, pixelsPerUnit, unit, colours, highlighted = null }) {
  const [vx, vy, vw, vh] = view;
  ctx.setTransform(pixelsPerUnit, 0, 0, pixelsPerUnit, -vx * pixelsPerUnit, -vy * pixelsPerUnit);
  ctx.lineWidth = 1.2 * unit;
  ctx.strokeStyle = '#fff';
  let drawn = 0;
  for (const g of groups) {
    const r = g.r * unit;
    ctx.beginPath();
    let any = false;
    for (let i = g.start; i < g.end; i++) {
      const m = markers[i];
      if (m.x + r < vx || m.x - r > vx + vw || m.y + r < vy || m.y - r > vy + vh) continue;
      ctx.moveTo(m.x + r, m.y);
      ctx.arc(m.x, m.y, r, 0, 2 * Math.PI);
      any = true;
      drawn++;
    }
    if (!any) continue;
    ctx.globalAlpha = 0.88;
    ctx.fillStyle = colours[g.tier] ?? colours.standard;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.stroke();
  }
  if (highlighted) {
    const r = highlighted.r * unit;
    ctx.beginPath();
    ctx.arc(highlighted.x, highlighted.y, r, 0, 2 * Math.PI);
    ctx.fillStyle = colours[highlighted.p.tier] ?? colours.standard;
    ctx.fill();
    ctx.lineWidth = 3 * unit;
    ctx.strokeStyle = colours.focus ?? '#000';
    ctx.stroke();
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return drawn;
}

/** Finds the marker under a point: a grid of cells, each listing the markers whose centre lies in it. */
export class MarkerIndex {
  constructor(markers, cell = 8) {
    this.markers = markers;
    this.cell = cell;
    this.cells = new Map();
    markers.forEach((m, i) => {
      const key = this.key(Math.floor(m.x / cell), Math.floor(m.y / cell));
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    });
    this.maxRadius = markers.reduce((max, m) => Math.max(max, m.r), 0);
  }

  key(cx, cy) {
    return cx * 100003 + cy;
  }

  /**
   * The topmost marker (the last drawn) whose circle contains (x, y), or null. `unit` is one screen pixel in map units
   * (markers keep their size on screen); `slack` pixels around a marker still count, for fingers and small markers.
   */
  hit(x, y, unit, slack = 2) {
    const reach = (this.maxRadius + slack) * unit;
    const c = this.cell;
    let best = -1;
    for (let cx = Math.floor((x - reach) / c); cx <= Math.floor((x + reach) / c); cx++) {
      for (let cy = Math.floor((y - reach) / c); cy <= Math.floor((y + reach) / c); cy++) {
        for (const i of this.cells.get(this.key(cx, cy)) ?? []) {
          if (i <= best) continue;
          const m = this.markers[i];
          const r = (m.r + slack) * unit;
          const dx = m.x - x;
          const dy = m.y - y;
          if (dx * dx + dy * dy <= r * r) best = i;
        }
      }
    }
    return best < 0 ? null : this.markers[best];
  }
}

/** Text folded for finding: lower case, without accents ("Universität" finds "universitat"). */
export function folded(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Markers whose partner's name or city contains the query (folded), names that start with it first. */
export function findMarkers(markers, query, limit = 10) {
  const q = folded(query).trim();
  if (!q) return { total: 0, items: [] };
  const starts = [];
  const contains = [];
  for (const m of markers) {
    m.key ??= `${folded(m.p.name)}\n${folded(m.p.city)}`;
    const at = m.key.indexOf(q);
    if (at === 0) starts.push(m);
    else if (at > 0) contains.push(m);
  }
  const byName = (a, b) => compareText(a.p.name, b.p.name);
  const all = [...starts.sort(byName), ...contains.sort(byName)];
  return { total: all.length, items: all.slice(0, limit) };
}
