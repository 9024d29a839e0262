// Partners that would overlap on the screen, grouped into one marker with their number. Pure functions over the
// placed markers ({p, x, y, r} in the projection's units): the map groups them again whenever the zoom changes.

const TIER_RANK = { standard: 0, strategic: 1, transcampus: 2 };

/** How far apart (in pixels on the screen) two markers must be to be shown apart. */
export const CLUSTER_PIXELS = 30;

/**
 * Groups the markers lying within `radius` (map units) of another: greedily, each marker not yet grouped takes every
 * ungrouped marker within `radius` of it (found through a grid of cells `radius` wide, so a marker looks at nine
 * cells). Markers are taken as seeds from the last drawn (the strategic ones) on. A group stands where its seed
 * is, so no two groups or single markers are within `radius` of each other (a group at its members' mean could come
 * as close to another as it likes). Answers {singles, clusters}: the markers left alone in their drawing order, and
 * the groups {x, y, count, members (the seed first), tier (the highest of its members), bounds: [x0, y0, x1, y1]}.
 * A radius of 0 or less groups nothing.
 */
export function clusterMarkers(markers, radius) {
  if (!(radius > 0) || markers.length < 2) return { singles: markers, clusters: [] };
  // cells by a number: column × 2^20 + row (rows of the largest map are far fewer than 2^20 at any radius)
  const cells = new Map();
  const key = (cx, cy) => cx * 1048576 + cy;
  for (let i = 0; i < markers.length; i++) {
    const k = key(Math.floor(markers[i].x / radius), Math.floor(markers[i].y / radius));
    const list = cells.get(k);
    if (list) list.push(i);
    else cells.set(k, [i]);
  }
  const taken = new Uint8Array(markers.length);
  const grouped = new Uint8Array(markers.length);
  const r2 = radius * radius;
  const clusters = [];
  for (let i = markers.length - 1; i >= 0; i--) {
    if (taken[i]) continue;
    taken[i] = 1;
    const seed = markers[i];
    const cx = Math.floor(seed.x / radius);
    const cy = Math.floor(seed.y / radius);
    const members = [i];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const cell = cells.get(key(cx + dx, cy + dy));
        if (!cell) continue;
        // the cell keeps only the markers still free: a crowded place is not read again by every seed around it
        let kept = 0;
        for (let n = 0; n < cell.length; n++) {
          const j = cell[n];
          if (taken[j]) continue;
          const ddx = markers[j].x - seed.x;
          const ddy = markers[j].y - seed.y;
          if (ddx * ddx + ddy * ddy <= r2) {
            taken[j] = 1;
            members.push(j);
          } else {
            cell[kept++] = j;
          }
        }
        cell.length = kept;
      }
    }
    if (members.length === 1) continue;
    for (const j of members) grouped[j] = 1;
    clusters.push(makeCluster(members.map((j) => markers[j])));
  }
  return { singles: markers.filter((_, i) => !grouped[i]), clusters };
}

function makeCluster(members) {
  let tier = 'standard';
  const bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const m of members) {
    if ((TIER_RANK[m.p.tier] ?? 0) > (TIER_RANK[tier] ?? 0)) tier = m.p.tier;
    bounds[0] = Math.min(bounds[0], m.x);
    bounds[1] = Math.min(bounds[1], m.y);
    bounds[2] = Math.max(bounds[2], m.x);
    bounds[3] = Math.max(bounds[3], m.y);
  }
  return { x: members[0].x, y: members[0].y, count: members.length, members, tier, bounds };
}

/**
 * A group's radius on the screen in pixels: larger for more partners, from 13 (a 26 pixel target, above WCAG's 24)
 * to 21 for a thousand; two groups of up to a hundred (18) a grouping distance apart overlap a little at most.
 */
export function clusterRadius(count) {
  return Math.round(12 + 3 * Math.log10(Math.max(1, count)));
}

/** The country most of a group's partners are in (the first in the alphabet among equals). */
export function mainCountry(cluster) {
  const counts = new Map();
  for (const m of cluster.members) counts.set(m.p.country, (counts.get(m.p.country) ?? 0) + 1);
  let best = null;
  for (const [country, n] of counts) {
    if (best === null || n > counts.get(best) || (n === counts.get(best) && String(country) < String(best))) best = country;
  }
  return best;
}

/**
 * What activating a group does: zoom in so that its partners fill about half of the view (at least twice the zoom,
 * at most `maxZoom`), centred on them — or, at the largest zoom already, list its partners.
 * `size` is the whole map [width, height] in its units. Answers {zoom, x, y} or {list: true}.
 */
export function clusterAction(cluster, { zoom, maxZoom, size }) {
  if (zoom >= maxZoom) return { list: true };
  const [x0, y0, x1, y1] = cluster.bounds;
  const [w, h] = size;
  const fit = Math.min(w / Math.max(x1 - x0, 1e-9), h / Math.max(y1 - y0, 1e-9)) / 2;
  return { zoom: Math.min(maxZoom, Math.max(zoom * 2, fit)), x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
}

/** Whether a point lies in the view [x, y, width, height], with `margin` map units around it. */
export function inView(point, view, margin = 0) {
  const [vx, vy, vw, vh] = view;
  return point.x >= vx - margin && point.x <= vx + vw + margin && point.y >= vy - margin && point.y <= vy + vh + margin;
}

/** The markers in the view, in the order given (pass them sorted by name for a list). */
export function markersInView(markers, view) {
  return markers.filter((m) => inView(m, view));
}
