-- The partner's own people and the office's dated notes (issue 9): contacts at the partner (its
-- international office, faculty coordinators) with role, e-mail, telephone and postal address, and
-- notes on visits, calls and decisions, optionally about one of the partnership's agreements. Both
-- are for staff only; a partnership with either is not removed until they are.
CREATE TABLE partner_contacts (
  id {{serial_pk}},
  partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT,
  email TEXT,
  phone TEXT,
  address TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partner_contacts_partnership ON partner_contacts (partnership_id, role, name);

CREATE TABLE partner_notes (
  id {{serial_pk}},
  partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
  agreement_id BIGINT REFERENCES agreements (id) ON DELETE SET NULL,
  noted_on TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partner_notes_partnership ON partner_notes (partnership_id, noted_on, id);
CREATE INDEX partner_notes_agreement ON partner_notes (agreement_id);
