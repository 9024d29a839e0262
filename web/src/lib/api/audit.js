// The audit log (module `audit`).
import { get } from './core.js';

export default {
  audit: {
    list: (query, signal) => get('/audit', query, signal),
    verify: (signal) => get('/audit/verify', undefined, signal),
  },
};
