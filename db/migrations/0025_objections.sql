-- Objections to a published allocation result (issue 10, item 4; docs/allocation.md "Objections"):
-- the student whose application is in a published run objects in their own words within the
-- call's objection_days after the run's publication; the committee answers once with a decision
-- (upheld or rejected) and a text, and who answered and when are kept. One open objection per
-- application and run (the partial unique index); after an answer the student may object again
-- within the period. The text and the answer are personal data of the student: in the account's
-- data export, deleted with the account.
CREATE TABLE allocation_objections (
  id {{serial_pk}},
  run_id BIGINT NOT NULL REFERENCES allocation_runs (id),
  application_id BIGINT NOT NULL REFERENCES applications (id),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL,
  decision TEXT,
  answer TEXT,
  answered_by BIGINT,
  answered_at TEXT,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX allocation_objections_run ON allocation_objections (run_id, id);
CREATE INDEX allocation_objections_run_status ON allocation_objections (run_id, status, id);
CREATE INDEX allocation_objections_application ON allocation_objections (application_id, run_id, id);
CREATE UNIQUE INDEX allocation_objections_one_open ON allocation_objections (application_id, run_id)
  WHERE status = 'open';
