// The API client, merged from its modules (api/<module>.js) over a shared core (api/core.js): requests,
// ETag → version, If-Match, the CSRF token, ApiError. Screens import `api` from here.
import { coreApi } from './api/core.js';
import accounts from './api/accounts.js';
import applications from './api/applications.js';
import audit from './api/audit.js';
import imports from './api/imports.js';
import organisation from './api/organisation.js';
import partners from './api/partners.js';
import students from './api/students.js';
import calls from './api/calls.js';
import allocation from './api/allocation.js';
import demand from './api/demand.js';
import retention from './api/retention.js';
import objections from './api/objections.js';
import mobility from './api/mobility.js';

export * from './api/core.js';

export const api = { ...coreApi, ...accounts, ...audit, ...organisation, ...partners, ...students, ...calls, ...applications, ...allocation, ...demand, ...retention, ...objections, ...mobility, ...imports };
