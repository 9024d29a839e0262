// English, merged from one file per module (en/<module>.js). Every key must exist in de.js too
// (src/lib/i18n/i18n.test.js checks it); a module adds its file here and in de.js.
import { mergeMessages } from './merge.js';
import core from './en/core.js';
import partners from './en/partners.js';
import accounts from './en/accounts.js';
import audit from './en/audit.js';
import imports from './en/imports.js';
import documents from './en/documents.js';
import students from './en/students.js';
import applications from './en/applications.js';
import calls from './en/calls.js';
import allocation from './en/allocation.js';
import demand from './en/demand.js';
import retention from './en/retention.js';
import funding from './en/funding.js';
import objections from './en/objections.js';
import mobility from './en/mobility.js';

export default mergeMessages(core, partners, accounts, audit, imports, documents, students, calls, applications, allocation, demand, retention, funding, objections, mobility);
