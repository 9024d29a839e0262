-- Stored allocation runs of a call (issue 10, item 5): the instance as it ran (`input`, in the JSON
-- format of `weltcampus allocation solve`, offers "o<offer id>", applicants "a<application id>"),
-- its seed (a uint64 as decimal text), its figures, the committee's sign-off and the publication;
-- a run of a round supersedes the round's earlier runs that are not published. `accept_by` is the
-- last day to answer an offered place: set when the run is published. One result per applicant:
-- the offer received (or none), the rank of that offer among the applicant's preferences, the
-- common score, why the preferences above were not given (JSON text) and the student's answer.
CREATE TABLE allocation_runs (
  id {{serial_pk}},
  call_id BIGINT NOT NULL REFERENCES calls (id),
  round BIGINT NOT NULL,
  status TEXT NOT NULL,
  seed TEXT NOT NULL,
  input TEXT NOT NULL,
  applicants BIGINT NOT NULL,
  placed BIGINT NOT NULL,
  offers BIGINT NOT NULL,
  places BIGINT NOT NULL,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  signed_off_by BIGINT,
  signed_off_at TEXT,
  published_at TEXT,
  accept_by TEXT,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX allocation_runs_call ON allocation_runs (call_id, id);

CREATE TABLE allocation_results (
  id {{serial_pk}},
  run_id BIGINT NOT NULL REFERENCES allocation_runs (id),
  application_id BIGINT NOT NULL REFERENCES applications (id),
  offer_id BIGINT REFERENCES call_offers (id),
  preference_rank BIGINT,
  score DOUBLE PRECISION NOT NULL,
  explanation TEXT NOT NULL,
  response TEXT,
  responded_at TEXT,
  UNIQUE (run_id, application_id)
);
CREATE INDEX allocation_results_application ON allocation_results (application_id, run_id);
CREATE INDEX allocation_results_offer ON allocation_results (run_id, offer_id, application_id);
