// Partners: institutions, partnerships, agreements and the summary (module `partners`).
import { get, resource } from './core.js';

export default {
  summary: (signal) => get('/summary', undefined, signal),
  institutions: resource('/institutions'),
  partnerships: {
    ...resource('/partnerships'),
    overview: (id, signal) => get(`/partnerships/${id}/overview`, undefined, signal),
    /** Every partner in one answer, shaped like list items for the map. */
    map: async (query, signal) =>
      ((await get('/partnerships/map', query, signal))?.items ?? []).map((point) => ({
        id: point.id,
        tier: point.tier,
        active_agreements: point.active_agreements,
        institution: {
          name: point.name,
          country: point.country,
          city: point.city,
          latitude: point.latitude,
          longitude: point.longitude,
        },
      })),
    jointStructures: (id, signal) => get(`/partnerships/${id}/joint-structures`, undefined, signal),
  },
  agreements: {
    ...resource('/agreements'),
    expiring: (months, query, signal) => get('/agreements/expiring', { months, ...query }, signal),
  },
};
