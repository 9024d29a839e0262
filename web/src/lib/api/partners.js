// Partners: institutions, partnerships, agreements and the summary (module `partners`).
import { API_BASE, get, request, resource } from './core.js';

const MAP_FIELDS = ['id', 'tier', 'name', 'country', 'city', 'latitude', 'longitude', 'active_agreements'];

/** The map's answer (one array a field) as one object a partner. */
export function mapRows(answer) {
  const total = Number(answer?.total ?? 0);
  const columns = MAP_FIELDS.map((field) => answer?.[field] ?? []);
  const rows = new Array(total);
  for (let i = 0; i < total; i++) {
    const row = {};
    MAP_FIELDS.forEach((field, f) => (row[field] = columns[f][i] ?? null));
    rows[i] = row;
  }
  return rows;
}

/** Records of a parent: read, changed and removed at `base`/{id}, listed and added under `parent`/{id}/`under`. */
function childResource(base, under, parent = '/partnerships') {
  const { get: getOne, update, remove } = resource(base);
  return {
    get: getOne,
    update,
    remove,
    of: (parentId, query, signal) => get(`${parent}/${parentId}/${under}`, query, signal),
    create: (parentId, body) => request('POST', `${parent}/${parentId}/${under}`, { body }),
  };
}

export default {
  summary: (signal) => get('/summary', undefined, signal),
  institutions: resource('/institutions'),
  partnerships: {
    ...resource('/partnerships'),
    overview: (id, signal) => get(`/partnerships/${id}/overview`, undefined, signal),
    /**
     * Every partner of the map in one answer: the server sends one array a field, these are its rows
     * {id, tier, name, country, city, latitude, longitude, active_agreements}. The browser keeps the answer and asks
     * again with If-None-Match (the server's ETag and "no-cache"), so an unchanged map costs a 304.
     */
    map: async (query, signal) => mapRows(await get('/partnerships/map', query, signal)),
    jointStructures: (id, signal) => get(`/partnerships/${id}/joint-structures`, undefined, signal),
    /** The partnership's own changes, newest first (staff only): {items: [{id, at, actor_name, action, before, after}], next_cursor, total}. */
    history: (id, query, signal) => get(`/partnerships/${id}/history`, query, signal),
    /** The countries with partners: {items: [{country, partners}]}. */
    countries: (signal) => get('/partnerships/countries', undefined, signal),
    /** Sets fields of several at once, all or nothing ({items: [{id, version}], set}): {changed, unchanged, items}. */
    bulk: async (body) => (await request('POST', '/partnerships/bulk', { body })).data,
    /**
     * The partnerships over the years (indicators:read): {from, to, counted_statuses, years: [{academic_year,
     * active, new, ended, by_region: {region: {active, new, ended}}, by_type: {type: {...}}}]}; query {from, to}.
     */
    trends: (query, signal) => get('/partnerships/trends', query, signal),
  },
  /** A partnership's contacts at the partner and the office's notes (staff only): each listed and added under the partnership. */
  partnerContacts: childResource('/partner-contacts', 'contacts'),
  partnerNotes: childResource('/partner-notes', 'notes'),
  /**
   * Documents on an agreement (staff only): a title and a kind, listed and added under the agreement; their files are
   * PDF versions, uploaded one at a time (the file as the body) and downloaded from `fileUrl(id)`.
   */
  agreementDocuments: {
    ...childResource('/agreement-documents', 'documents', '/agreements'),
    files: (id, signal) => get(`/agreement-documents/${id}/files`, undefined, signal),
    upload: (id, file) =>
      request('POST', `/agreement-documents/${id}/files`, { file, fileType: 'application/pdf', query: { file_name: file.name } }),
    fileUrl: (fileId) => `${API_BASE}/agreement-document-files/${fileId}`,
  },
  agreements: {
    ...resource('/agreements'),
    expiring: (months, query, signal) => get('/agreements/expiring', { months, ...query }, signal),
    /** Its successor as a draft with the same conditions for the next period (201 with the new agreement). */
    renew: (id) => request('POST', `/agreements/${id}/renewal`, { body: {} }),
    /** The agreement's own changes, as the partnership's. */
    history: (id, query, signal) => get(`/agreements/${id}/history`, query, signal),
    /** As the partnerships' bulk change: status and last academic year. */
    bulk: async (body) => (await request('POST', '/agreements/bulk', { body })).data,
  },
};
