// German, merged from one file per module (de/<module>.js). Every key must exist in en.js too
// (src/lib/i18n/i18n.test.js checks it); a module adds its file here and in en.js.
import { mergeMessages } from './merge.js';
import core from './de/core.js';
import partners from './de/partners.js';
import accounts from './de/accounts.js';
import audit from './de/audit.js';
import imports from './de/imports.js';
import documents from './de/documents.js';
import students from './de/students.js';
import applications from './de/applications.js';
import calls from './de/calls.js';
import allocation from './de/allocation.js';
import demand from './de/demand.js';
import retention from './de/retention.js';
import funding from './de/funding.js';
import objections from './de/objections.js';
import mobility from './de/mobility.js';

export default mergeMessages(core, partners, accounts, audit, imports, documents, students, calls, applications, allocation, demand, retention, funding, objections, mobility);
