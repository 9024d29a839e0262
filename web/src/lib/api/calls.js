// Calls for exchange places and their offers (module `exchange`, issue 10 item 2).
import { get, request, resource } from './core.js';

export default {
  calls: resource('/calls'),
  offers: {
    ...resource('/offers'),
    listOf: (callId, query, signal) => get(`/calls/${callId}/offers`, query, signal),
    create: (callId, body) => request('POST', `/calls/${callId}/offers`, { body }),
  },
  usableQuotas: (callId, signal) => get(`/calls/${callId}/quotas`, undefined, signal),
};
