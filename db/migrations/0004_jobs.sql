-- Long work (imports) as jobs whose state lives here, so that any server sharing the database can
-- run them and every server can answer how far they are.

CREATE TABLE jobs (
  id {{serial_pk}},
  kind TEXT NOT NULL,
  -- queued, running, succeeded, failed, cancelled
  status TEXT NOT NULL DEFAULT 'queued',
  -- What to do, as JSON (for an import: which list, dry run, the column map, the file's name).
  params TEXT NOT NULL DEFAULT '{}',
  progress_done BIGINT NOT NULL DEFAULT 0,
  progress_total BIGINT NOT NULL DEFAULT 0,
  message TEXT,
  -- What it did, as JSON (for an import: the counts and the first rejected and changed rows).
  result TEXT,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  -- The server (process) running it and when it last said so: a job whose runner has been silent
  -- for long is taken as abandoned by a dead server.
  runner TEXT,
  heartbeat_at TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_status ON jobs (status, id);
CREATE INDEX jobs_created_by ON jobs (created_by, id);

-- The files of a job: its input until it ends, and its result (the import report as CSV).
CREATE TABLE job_files (
  id {{serial_pk}},
  job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  content TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX job_files_job ON job_files (job_id, role);
