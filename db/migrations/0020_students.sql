-- Students as records (issue 10, item 1): the school's study programmes and the students who may
-- apply for exchange places, with what the selection needs and nothing more (no nationality, no
-- date of birth). A programme belongs to an organisational unit and names its ISCED-F field and
-- EQF level; single-cycle programmes (medicine, dentistry) have 24 Erasmus months per cycle
-- instead of 12. A student's matriculation number is the key of the campus-management import; a
-- student may be linked to one account (with the student role), an account to one student.
-- Language certificates and earlier stays abroad are child rows of their student. Lists sort names
-- by collation keys kept with the record (store::RecordTable's CollationKeyColumn, core/collation.h):
-- programmes by their name in the reader's language, students by family and given name.
CREATE TABLE programmes (
  id {{serial_pk}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_de TEXT NOT NULL,
  org_unit_id BIGINT NOT NULL REFERENCES org_units (id),
  isced_code TEXT,
  eqf_level BIGINT NOT NULL,
  single_cycle BIGINT NOT NULL DEFAULT 0,
  name_key_en TEXT{{bytewise}},
  name_key_de TEXT{{bytewise}},
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX programmes_name_en ON programmes (name_key_en, id);
CREATE INDEX programmes_name_de ON programmes (name_key_de, id);
CREATE INDEX programmes_org_unit ON programmes (org_unit_id);

CREATE TABLE students (
  id {{serial_pk}},
  matriculation_number TEXT NOT NULL UNIQUE,
  family_name TEXT NOT NULL,
  given_name TEXT NOT NULL,
  email TEXT NOT NULL,
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  study_semester BIGINT NOT NULL,
  grade_average DOUBLE PRECISION,
  first_state_exam_passed BIGINT NOT NULL DEFAULT 0,
  user_id BIGINT UNIQUE REFERENCES users (id),
  family_name_key TEXT{{bytewise}},
  given_name_key TEXT{{bytewise}},
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX students_name ON students (family_name_key, given_name_key, id);
CREATE INDEX students_programme ON students (programme_id, family_name_key, given_name_key, id);
CREATE INDEX students_semester ON students (study_semester, id);

CREATE TABLE student_language_certificates (
  id {{serial_pk}},
  student_id BIGINT NOT NULL REFERENCES students (id),
  language TEXT NOT NULL,
  cefr_level TEXT NOT NULL,
  name TEXT,
  issued_on TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX student_language_certificates_student
  ON student_language_certificates (student_id, language, id);

CREATE TABLE student_stays_abroad (
  id {{serial_pk}},
  student_id BIGINT NOT NULL REFERENCES students (id),
  country TEXT NOT NULL,
  months BIGINT NOT NULL,
  study_cycle TEXT NOT NULL,
  erasmus_funded BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX student_stays_abroad_student ON student_stays_abroad (student_id, id);
