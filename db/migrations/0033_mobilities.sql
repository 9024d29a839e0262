-- Mobilities (issue 11): every stay abroad of the school's people and every stay of the partners'
-- people in Dresden, students and staff, with or without an agreement, as one record with its
-- tracks (the stay track first; mobility/stay_track.h). An outgoing student's mobility points at
-- their student record and copies its names (for lists and their sort keys); anyone else's keeps
-- the person's name and e-mail. The partner is a partnership of the register (with the agreement
-- and quota used) or a host outside it by name and country; partner_name is the institution's name
-- or the host's. A mobility nominated by an accepted place names its application and offer.
-- The steps a track took are rows of mobility_events, the mobility's timeline.
CREATE TABLE mobilities (
  id {{serial_pk}},
  direction TEXT NOT NULL,
  category TEXT NOT NULL,
  student_id BIGINT REFERENCES students (id),
  family_name TEXT NOT NULL,
  given_name TEXT NOT NULL,
  email TEXT,
  partnership_id BIGINT REFERENCES partnerships (id),
  agreement_id BIGINT REFERENCES agreements (id),
  quota_id BIGINT REFERENCES quotas (id),
  host_name TEXT,
  partner_name TEXT NOT NULL,
  host_country TEXT NOT NULL,
  funding_line TEXT NOT NULL,
  isced_code TEXT,
  eqf_level BIGINT,
  academic_year BIGINT NOT NULL,
  planned_start TEXT NOT NULL,
  planned_end TEXT NOT NULL,
  fewer_opportunities BIGINT NOT NULL DEFAULT 0,
  equivalence_decided_on TEXT,
  stay_state TEXT NOT NULL,
  actual_start TEXT,
  actual_end TEXT,
  application_id BIGINT UNIQUE REFERENCES applications (id),
  offer_id BIGINT REFERENCES call_offers (id),
  family_name_key TEXT{{bytewise}},
  given_name_key TEXT{{bytewise}},
  partner_name_key TEXT{{bytewise}},
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX mobilities_name ON mobilities (family_name_key, given_name_key, id);
CREATE INDEX mobilities_partner_name ON mobilities (partner_name_key, id);
CREATE INDEX mobilities_start ON mobilities (planned_start, id);
CREATE INDEX mobilities_year ON mobilities (academic_year, id);
CREATE INDEX mobilities_state ON mobilities (stay_state, id);
CREATE INDEX mobilities_student ON mobilities (student_id);
CREATE INDEX mobilities_partnership ON mobilities (partnership_id, id);
CREATE INDEX mobilities_agreement ON mobilities (agreement_id);
CREATE INDEX mobilities_quota ON mobilities (quota_id);
CREATE INDEX mobilities_offer ON mobilities (offer_id);

CREATE TABLE mobility_events (
  id {{serial_pk}},
  mobility_id BIGINT NOT NULL REFERENCES mobilities (id) ON DELETE CASCADE,
  track TEXT NOT NULL,
  step TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  on_date TEXT,
  reason TEXT,
  user_id BIGINT,
  at TEXT NOT NULL
);
CREATE INDEX mobility_events_mobility ON mobility_events (mobility_id, id);
