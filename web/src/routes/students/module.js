// The exchange's programmes and students (issue 10, item 1), and a student's own record.
import ProgrammeList from './ProgrammeList.svelte';
import ProgrammeForm from './ProgrammeForm.svelte';
import StudentList from './StudentList.svelte';
import StudentForm from './StudentForm.svelte';
import MyStudentRecord from './MyStudentRecord.svelte';

const READ = 'exchange:read';
const WRITE = 'exchange:write';
const STUDENTS = 'exchange:students';
const OWN = 'exchange:own-record';

export const routes = [
  { path: '/students', component: StudentList, permission: STUDENTS },
  { path: '/students/new', component: StudentForm, permission: WRITE },
  { path: '/students/:id/edit', component: StudentForm, permission: WRITE },
  { path: '/programmes', component: ProgrammeList, permission: READ },
  { path: '/programmes/new', component: ProgrammeForm, permission: WRITE },
  { path: '/programmes/:id/edit', component: ProgrammeForm, permission: WRITE },
  { path: '/me/student', component: MyStudentRecord, permission: OWN },
];

export const nav = [
  { area: 'exchange', href: '/students', label: 'nav.students', permission: STUDENTS },
  { area: 'exchange', href: '/programmes', label: 'nav.programmes', permission: READ },
  { area: 'exchange', href: '/me/student', label: 'nav.myStudentRecord', permission: OWN },
];
