// Where a partner goes on the map: its own coordinates, or else its country's centroid.
import { geoCentroid } from 'd3-geo';
import { numericCode } from '../countries.js';

/** Country features of world-atlas by their ISO numeric id ('826'). */
export function featuresById(features) {
  const byId = new Map();
  for (const f of features) if (f.id !== undefined) byId.set(String(f.id).padStart(3, '0'), f);
  return byId;
}

/**
 * [longitude, latitude] of a partnership, or null when neither it nor its country can be placed.
 * `fallback` has precomputed centroids (numeric id → [lon, lat]) for countries too small for the drawn map.
 */
export function partnerLocation(institution, byId, centroids = new Map(), fallback = {}) {
  const lat = institution?.latitude;
  const lon = institution?.longitude;
  if (Number.isFinite(lat) && Number.isFinite(lon)) return [lon, lat];
  const code = numericCode(institution?.country);
  if (!code) return null;
  if (!centroids.has(code)) {
    const f = byId.get(code);
    centroids.set(code, f ? geoCentroid(f) : (fallback[code] ?? null));
  }
  return centroids.get(code);
}

export function markerRadius(activeAgreements) {
  const n = Math.max(0, Number(activeAgreements) || 0);
  return Math.min(16, 4 + 2.4 * Math.sqrt(n));
}

const TIER_ORDER = { standard: 0, strategic: 1, transcampus: 2 };

/** Strategic partners on top of standard ones, small markers on top of large ones. */
export function drawingOrder(a, b) {
  const t = (TIER_ORDER[a.tier] ?? 0) - (TIER_ORDER[b.tier] ?? 0);
  if (t) return t;
  return (b.active_agreements ?? 0) - (a.active_agreements ?? 0);
}

/**
 * Markers that fall on the same point (partners placed at their country's centroid) are spread on a small
 * spiral so that each one can be seen, hovered and clicked.
 */
export function spread(points, minDistance = 6) {
  const taken = new Map();
  return points.map((p) => {
    const key = `${Math.round(p.x)},${Math.round(p.y)}`;
    const n = taken.get(key) ?? 0;
    taken.set(key, n + 1);
    if (n === 0) return p;
    const angle = n * 2.4; // golden angle: even coverage
    const radius = minDistance * Math.sqrt(n);
    return { ...p, x: p.x + radius * Math.cos(angle), y: p.y + radius * Math.sin(angle) };
  });
}
