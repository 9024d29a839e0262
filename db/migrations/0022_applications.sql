-- Students' applications in a call (issue 10, items 3 and 4). A student has at most one
-- application per call; its preferences rank offers of that call (rank 1 is the most wanted);
-- its documents are a motivation letter and a language certificate, each a PDF kept as base64
-- text (like an agreement's documents), one of each kind. The office checks formal completeness
-- (status checked or incomplete, with the reason) and gives committee points; `score` is the
-- call's common selection score as of the application's last write (exchange/scoring.h), kept for
-- the list's sort. Students gain `enrolled_until`: the last day of enrolment when the end of the
-- studies is known (an offer whose stay ends later is not open to them).
ALTER TABLE students ADD COLUMN enrolled_until TEXT;

CREATE TABLE applications (
  id {{serial_pk}},
  call_id BIGINT NOT NULL REFERENCES calls (id),
  student_id BIGINT NOT NULL REFERENCES students (id),
  status TEXT NOT NULL,
  submitted_at TEXT,
  committee_points BIGINT,
  office_note TEXT,
  completeness_note TEXT,
  score DOUBLE PRECISION,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (call_id, student_id)
);
CREATE INDEX applications_call_status ON applications (call_id, status, id);
CREATE INDEX applications_call_score ON applications (call_id, score, id);
CREATE INDEX applications_student ON applications (student_id, id);

CREATE TABLE application_preferences (
  id {{serial_pk}},
  application_id BIGINT NOT NULL REFERENCES applications (id),
  position BIGINT NOT NULL,
  offer_id BIGINT NOT NULL REFERENCES call_offers (id),
  UNIQUE (application_id, position),
  UNIQUE (application_id, offer_id)
);
CREATE INDEX application_preferences_offer ON application_preferences (offer_id, application_id);

CREATE TABLE application_documents (
  id {{serial_pk}},
  application_id BIGINT NOT NULL REFERENCES applications (id),
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  UNIQUE (application_id, kind)
);
