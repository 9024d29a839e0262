-- Accounts, roles, sessions, login throttling and the audit log.

CREATE TABLE users (
  id {{serial_pk}},
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  preferred_language TEXT NOT NULL DEFAULT 'en',
  active INTEGER NOT NULL DEFAULT 1,
  password_hash TEXT,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  -- External identity for single sign-on (issuer and subject), when a university adds one.
  external_issuer TEXT,
  external_subject TEXT,
  last_login_at TEXT,
  erased_at TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE user_roles (
  id {{serial_pk}},
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  -- Coordinators are scoped to organisational units and fields of education; null means none.
  org_unit_id BIGINT REFERENCES org_units (id),
  isced_code TEXT
);
CREATE INDEX user_roles_user ON user_roles (user_id);

CREATE TABLE sessions (
  -- Only a hash of the token is stored: a copy of the database does not hand out sessions.
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  idle_expires_at TEXT NOT NULL,
  absolute_expires_at TEXT NOT NULL,
  client_address TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  blocked_until TEXT NOT NULL
);

CREATE TABLE audit_log (
  id {{serial_pk}},
  at TEXT NOT NULL,
  actor_user_id BIGINT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT,
  entity_id TEXT,
  subject_user_id BIGINT,
  before_json TEXT,
  after_json TEXT,
  client_address TEXT,
  request_id TEXT,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id);
CREATE INDEX audit_log_subject ON audit_log (subject_user_id);
