-- The retention of applications (issue 10, item 9): the applications of a call that did not lead
-- to an accepted place are deleted once a later call of the same unit and kind has published its
-- results (plus the office's delay, the setting exchange.application_retention_days), with their
-- preferences, documents and results. Before that, the call's demand figures are kept here,
-- counts only and nobody named: per call the applications it had, how many were deleted and kept,
-- and the run its figures come from; per offer the first and any preferences and what that run
-- placed and left empty (null without a run). The demand report reads these for a purged call.
CREATE TABLE retained_calls (
  call_id BIGINT PRIMARY KEY REFERENCES calls (id),
  run_id BIGINT REFERENCES allocation_runs (id),
  applications BIGINT NOT NULL,
  deleted BIGINT NOT NULL,
  kept BIGINT NOT NULL,
  purged_at TEXT NOT NULL
);

CREATE TABLE retained_offer_counts (
  offer_id BIGINT PRIMARY KEY REFERENCES call_offers (id),
  call_id BIGINT NOT NULL REFERENCES retained_calls (call_id),
  first_preference BIGINT NOT NULL,
  any_preference BIGINT NOT NULL,
  placed BIGINT,
  left_empty BIGINT
);
CREATE INDEX retained_offer_counts_call ON retained_offer_counts (call_id, offer_id);
