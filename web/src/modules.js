// The modules of the browser application. Each folder's module.js contributes its routes and navigation
// items; routes.js and lib/nav.js only put them together. A new module adds one line here.
import * as partners from './routes/partners/module.js';
import * as agreements from './routes/agreements/module.js';
import * as account from './routes/account/module.js';
import * as users from './routes/users/module.js';
import * as audit from './routes/audit/module.js';
import * as imports from './routes/imports/module.js';
import * as students from './routes/students/module.js';
import * as calls from './routes/calls/module.js';
import * as applications from './routes/applications/module.js';
import * as allocation from './routes/allocation/module.js';
import * as demand from './routes/demand/module.js';
import * as retention from './routes/retention/module.js';
import * as mobility from './routes/mobility/module.js';

export const modules = [partners, agreements, students, calls, applications, allocation, demand, mobility, retention, account, users, audit, imports];
