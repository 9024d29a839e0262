-- Reference data, the school's organisation, and its partners with their agreements.
-- Dates are ISO 8601 text, academic years are stored as the calendar year they start in.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE isced_fields (
  code TEXT PRIMARY KEY,
  level TEXT NOT NULL,
  label_en TEXT NOT NULL,
  label_de TEXT
);

CREATE TABLE org_units (
  id {{serial_pk}},
  parent_id BIGINT REFERENCES org_units (id),
  name TEXT NOT NULL,
  name_de TEXT,
  kind TEXT NOT NULL,
  code TEXT UNIQUE,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX org_units_parent ON org_units (parent_id);

CREATE TABLE institutions (
  id {{serial_pk}},
  name TEXT NOT NULL,
  name_local TEXT,
  -- Lower-case text of the searchable fields, kept by the repository, so search is one LIKE.
  search_text TEXT NOT NULL,
  country TEXT NOT NULL,
  city TEXT,
  website TEXT,
  erasmus_code TEXT UNIQUE,
  pic TEXT,
  oid TEXT,
  ror_id TEXT,
  hei_id TEXT,
  type TEXT NOT NULL,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  source TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX institutions_name ON institutions (name, id);
CREATE INDEX institutions_country ON institutions (country, name, id);
CREATE INDEX institutions_hei_id ON institutions (hei_id);
CREATE INDEX institutions_pic ON institutions (pic);

CREATE TABLE partnerships (
  id {{serial_pk}},
  institution_id BIGINT NOT NULL UNIQUE REFERENCES institutions (id),
  tier TEXT NOT NULL,
  since TEXT,
  responsible_person TEXT,
  objectives TEXT,
  notes TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partnerships_tier ON partnerships (tier);

CREATE TABLE agreements (
  id {{serial_pk}},
  partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
  title TEXT,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  first_academic_year INTEGER NOT NULL,
  last_academic_year INTEGER NOT NULL,
  ends_on TEXT NOT NULL,
  org_unit_id BIGINT REFERENCES org_units (id),
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (last_academic_year >= first_academic_year)
);
CREATE INDEX agreements_partnership ON agreements (partnership_id);
CREATE INDEX agreements_status_ends ON agreements (status, ends_on);

CREATE TABLE agreement_partners (
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  institution_id BIGINT NOT NULL REFERENCES institutions (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (agreement_id, institution_id)
);
CREATE INDEX agreement_partners_institution ON agreement_partners (institution_id);

CREATE TABLE agreement_contacts (
  id {{serial_pk}},
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  role TEXT
);
CREATE INDEX agreement_contacts_agreement ON agreement_contacts (agreement_id);

CREATE TABLE quotas (
  id {{serial_pk}},
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  direction TEXT NOT NULL,
  category TEXT NOT NULL,
  isced_code TEXT,
  eqf_levels TEXT NOT NULL,
  places_per_year INTEGER NOT NULL CHECK (places_per_year >= 0),
  months_per_place DOUBLE PRECISION,
  days_per_place INTEGER,
  languages TEXT NOT NULL
);
CREATE INDEX quotas_agreement ON quotas (agreement_id);

CREATE TABLE joint_structures (
  id {{serial_pk}},
  partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  since TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX joint_structures_partnership ON joint_structures (partnership_id);
