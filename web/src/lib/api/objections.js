// Objections to a published allocation result (module `exchange`, issue 10 item 4): the student's
// own by account; a run's list (paged, CSV) and the committee's answer (If-Match).
import { get, request } from './core.js';

export default {
  objectToResult: (callId, text) => request('POST', `/calls/${callId}/my-application/objection`, { body: { text } }),
  runObjections: (runId, query, signal) => get(`/allocation-runs/${runId}/objections`, query, signal),
  runObjectionsCsvUrl: (runId) => `/api/v1/allocation-runs/${runId}/objections?format=csv`,
  answerObjection: (id, body, version) => request('PUT', `/objections/${id}/answer`, { body, version }),
};
