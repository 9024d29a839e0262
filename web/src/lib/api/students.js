// The exchange's programmes and students (module `exchange`), and a student's own record.
import { get, request, resource } from './core.js';

function childrenOf(collection, base) {
  return {
    ...resource(base),
    listOf: (studentId, query, signal) => get(`/students/${studentId}/${collection}`, query, signal),
    create: (studentId, body) => request('POST', `/students/${studentId}/${collection}`, { body }),
  };
}

export default {
  programmes: resource('/programmes'),
  students: resource('/students'),
  languageCertificates: childrenOf('language-certificates', '/student-language-certificates'),
  staysAbroad: childrenOf('stays-abroad', '/student-stays-abroad'),
  myStudentRecord: (signal) => get('/me/student', undefined, signal),
};
