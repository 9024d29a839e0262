// The demand for exchange places and what-ifs on a stored allocation run (module `exchange`, issue 10 items 5 and 7).
import { get, request } from './core.js';

export default {
  callDemand: (callId, signal) => get(`/calls/${callId}/demand`, undefined, signal),
  demandOverYears: (query, signal) => get('/exchange/demand', query, signal),
  whatIf: async (runId, body) => (await request('POST', `/allocation-runs/${runId}/what-if`, { body })).data,
  oneMorePlace: (runId, limit, signal) => get(`/allocation-runs/${runId}/one-more-place`, { limit }, signal),
};
