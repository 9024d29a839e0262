-- Calls and offers (issue 10, item 2): the international office's yearly call for outgoing exchange
-- places of an organisational unit, with its timeline (application period, selection, publication,
-- the deadline to accept a place, nomination to the partners), its published selection criteria
-- (weights of grade, language and committee points, summing to 100; the tie rules as a
-- comma-separated list of their API names, then one seeded lottery whose seed the first allocation
-- run records) and, for a funding-only call (Erasmus traineeships the students organise
-- themselves), the budget of funded months. Offers are carved from an active agreement's outgoing
-- student quota for the call's year: a term, places (of which extra_places the partner agreed to
-- beyond the quota), months per place and the eligibility narrowed from the quota's. An offer
-- keeps its quota's agreement, partnership and partner name (copied, for lists); the partners
-- module's rows are never read from here (exchange declares its reference to quotas).
CREATE TABLE calls (
  id {{serial_pk}},
  academic_year BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL REFERENCES org_units (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  title_de TEXT,
  applications_open TEXT NOT NULL,
  applications_close TEXT NOT NULL,
  selection_by TEXT NOT NULL,
  publication_on TEXT NOT NULL,
  accept_by TEXT NOT NULL,
  nomination_by TEXT NOT NULL,
  max_preferences BIGINT NOT NULL DEFAULT 5,
  objection_days BIGINT NOT NULL DEFAULT 7,
  weight_grade BIGINT NOT NULL,
  weight_language BIGINT NOT NULL,
  weight_committee BIGINT NOT NULL,
  committee_points_max BIGINT NOT NULL DEFAULT 10,
  tie_rules TEXT NOT NULL DEFAULT '',
  funded_months BIGINT,
  lottery_seed BIGINT,
  title_key_en TEXT{{bytewise}},
  title_key_de TEXT{{bytewise}},
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX calls_year ON calls (academic_year, id);
CREATE INDEX calls_title_en ON calls (title_key_en, id);
CREATE INDEX calls_title_de ON calls (title_key_de, id);
CREATE INDEX calls_org_unit ON calls (org_unit_id, id);
CREATE INDEX calls_kind ON calls (kind, id);

CREATE TABLE call_offers (
  id {{serial_pk}},
  call_id BIGINT NOT NULL REFERENCES calls (id),
  quota_id BIGINT NOT NULL REFERENCES quotas (id),
  agreement_id BIGINT NOT NULL,
  partnership_id BIGINT NOT NULL,
  partner_name TEXT NOT NULL,
  partner_name_key TEXT{{bytewise}},
  term TEXT NOT NULL,
  places BIGINT NOT NULL,
  extra_places BIGINT NOT NULL DEFAULT 0,
  months_per_place DOUBLE PRECISION NOT NULL,
  eqf_levels TEXT NOT NULL DEFAULT '',
  isced_code TEXT,
  language TEXT,
  cefr_level TEXT,
  requires_first_state_exam BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX call_offers_call ON call_offers (call_id, partner_name_key, id);
CREATE INDEX call_offers_call_term ON call_offers (call_id, term, id);
CREATE INDEX call_offers_quota ON call_offers (quota_id, call_id);

-- The partner's deadline per term for receiving our nominations, "MM-DD" (the winter deadline
-- also holds for full-year stays).
ALTER TABLE partnerships ADD COLUMN nomination_deadline_winter TEXT;
ALTER TABLE partnerships ADD COLUMN nomination_deadline_summer TEXT;
