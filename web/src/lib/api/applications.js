// Applications in a call (module `exchange`, issue 10): the student's own by account, and the
// office's review and scoring.
import { get, request } from './core.js';

const mine = (callId) => `/calls/${callId}/my-application`;

export default {
  applicationCalls: (signal) => get('/calls', { limit: 100 }, signal),
  myApplication: (callId, signal) => request('GET', mine(callId), { signal }),
  savePreferences: (callId, preferences, version) =>
    request('PUT', mine(callId), { body: { preferences }, version }),
  // a funding call's application: the stay the student plans (exchange/funding.h)
  saveStay: (callId, stay, version) => request('PUT', mine(callId), { body: { stay }, version }),
  submitApplication: (callId, version) => request('POST', `${mine(callId)}/submit`, { version }),
  withdrawApplication: (callId, version) => request('POST', `${mine(callId)}/withdraw`, { version }),
  uploadApplicationDocument: (callId, kind, file) =>
    request('POST', `${mine(callId)}/documents/${kind}`, {
      file,
      fileType: 'application/pdf',
      query: { file_name: file.name },
    }),
  removeApplicationDocument: (callId, kind) => request('DELETE', `${mine(callId)}/documents/${kind}`),
  myApplicationDocumentUrl: (callId, kind) => `/api/v1${mine(callId)}/documents/${kind}`,
  callApplications: (callId, query, signal) => get(`/calls/${callId}/applications`, query, signal),
  application: (id, signal) => request('GET', `/applications/${id}`, { signal }),
  applicationDocumentUrl: (id, kind) => `/api/v1/applications/${id}/documents/${kind}`,
  scoreApplication: (id, body, version) => request('PUT', `/applications/${id}/score`, { body, version }),
  checkApplication: (id, body, version) => request('PUT', `/applications/${id}/completeness`, { body, version }),
};
