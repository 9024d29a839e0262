// Mobilities (module `mobility`, issue 11): the records, the steps of their stay and their timeline, and a
// student's own.
import { get, request, resource } from './core.js';

export default {
  mobilities: resource('/mobilities'),
  /** The timeline, oldest first, and the steps the stay may take now: {items: [event], allowed_steps: [step]}. */
  mobilityEvents: (id, signal) => get(`/mobilities/${id}/events`, undefined, signal),
  /** A step of the stay ({step, on?, until?, reason?}) with If-Match: the mobility's version; answers the mobility. */
  takeStayStep: (id, body, version) => request('POST', `/mobilities/${id}/stay`, { body, version }),
  /** The signed-in student's own: {items: [mobility], events: [event with mobility_id]}. */
  myMobilities: (signal) => get('/me/mobilities', undefined, signal),
};
