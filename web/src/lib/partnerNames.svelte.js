// Names of partner institutions by partnership id, for lists of agreements (which carry only the id).
import { api } from './api.js';

export const partnerNames = $state({});
const pending = new Map();

export function rememberPartnership(p) {
  if (p?.id && p.institution?.name) partnerNames[p.id] = p.institution.name;
}

/** Starts loading the name once; the component re-renders when it arrives. */
export function requestPartnerName(id) {
  if (!id || partnerNames[id] !== undefined || pending.has(id)) return;
  const p = api.partnerships
    .get(id)
    .then(({ data }) => rememberPartnership(data))
    .catch(() => {
      partnerNames[id] = null;
    })
    .finally(() => pending.delete(id));
  pending.set(id, p);
}

/** The name that an agreement itself carries, if the server embeds it. */
export function embeddedPartnerName(a) {
  return a?.institution_name ?? a?.partner_name ?? a?.partnership?.institution?.name ?? a?.institution?.name ?? a?.partner?.name ?? null;
}
