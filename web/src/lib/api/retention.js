// The retention schedule of applications (module `exchange`, issue 10 item 9; exchange:retention).
import { request } from './core.js';

export default {
  applicationRetention: {
    get: (signal) => request('GET', '/exchange/application-retention', { signal }),
    update: (body, version) => request('PUT', '/exchange/application-retention', { body, version }),
    run: async () => (await request('POST', '/exchange/application-retention/run', { body: {} })).data,
  },
};
