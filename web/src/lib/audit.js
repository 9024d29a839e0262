// The audit log's vocabulary (docs/api.md) and its date filters.

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'logout',
  'denied',
  'read',
  'export',
  'erase',
  'password_changed',
  'password_reset',
  'retention',
  'import',
];

function iso(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 'YYYY-MM-DD' of the reader's calendar → the first moment of that day as a UTC timestamp. */
export function dayStart(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day ?? '')) return null;
  const d = new Date(`${day}T00:00:00`);
  return Number.isNaN(d.getTime()) ? null : iso(d);
}

/** The last second of that day, so that "to" includes the whole day. */
export function dayEnd(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day ?? '')) return null;
  const d = new Date(`${day}T23:59:59`);
  return Number.isNaN(d.getTime()) ? null : iso(d);
}
