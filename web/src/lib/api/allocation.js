// Allocation runs of a call (module `exchange`, issue 10 item 5): start, list, results, sign-off and publish
// (If-Match), repeat, the run's input; the student's answer to a place.
import { get, request } from './core.js';

const run = (id) => `/allocation-runs/${id}`;

export default {
  allocationRuns: (callId, signal) => get(`/calls/${callId}/allocation-runs`, undefined, signal),
  startAllocationRun: (callId) => request('POST', `/calls/${callId}/allocation-runs`),
  allocationRun: (id, signal) => request('GET', run(id), { signal }),
  allocationResults: (id, query, signal) => get(`${run(id)}/results`, query, signal),
  signOffRun: (id, version) => request('POST', `${run(id)}/sign-off`, { version }),
  publishRun: (id, version) => request('POST', `${run(id)}/publish`, { version }),
  repeatRun: (id) => request('POST', `${run(id)}/repeat`),
  allocationInputUrl: (id) => `/api/v1${run(id)}/input`,
  acceptPlace: (callId) => request('POST', `/calls/${callId}/my-application/accept`),
  declinePlace: (callId) => request('POST', `/calls/${callId}/my-application/decline`),
};
