-- Sorting as people expect (issue 9, defect 6): names sort by Unicode collation, without regard to
-- case and accents ("aachen", "Åbo", "École", "Zürich"), and countries by their name in the reader's
-- language (German: "Österreich" among the O's, "Vereinigtes Königreich" under V). Neither database
-- collates alike (SQLite compares bytes; PostgreSQL's order depends on the server's locale), so the
-- server keeps a collation key with each name (core/collation.h: CollationKey, ICU), which both
-- order by its bytes ({{bytewise}}: PostgreSQL's COLLATE "C"), and per sort language the key of the
-- country's name. The keys are written by the partners repository with every write of the record,
-- copied into partnerships and agreements with the partner's name, and filled for the stored rows by
-- the code migration 0019_collation_keys_fill. Every sort by a name reads an index of its keys, as
-- the sorts by the names did (0010_partner_sort_columns.sql).
ALTER TABLE institutions ADD COLUMN name_key TEXT{{bytewise}} NOT NULL DEFAULT '';
ALTER TABLE institutions ADD COLUMN city_key TEXT{{bytewise}};
ALTER TABLE institutions ADD COLUMN country_key_en TEXT{{bytewise}} NOT NULL DEFAULT '';
ALTER TABLE institutions ADD COLUMN country_key_de TEXT{{bytewise}} NOT NULL DEFAULT '';
ALTER TABLE partnerships ADD COLUMN partner_name_key TEXT{{bytewise}} NOT NULL DEFAULT '';
ALTER TABLE partnerships ADD COLUMN partner_country_key_en TEXT{{bytewise}} NOT NULL DEFAULT '';
ALTER TABLE partnerships ADD COLUMN partner_country_key_de TEXT{{bytewise}} NOT NULL DEFAULT '';
ALTER TABLE agreements ADD COLUMN partner_name_key TEXT{{bytewise}} NOT NULL DEFAULT '';
-- The title a reader sees: in English the English one, else the German; in German the other way.
ALTER TABLE agreements ADD COLUMN title_key_en TEXT{{bytewise}};
ALTER TABLE agreements ADD COLUMN title_key_de TEXT{{bytewise}};

DROP INDEX institutions_name;
CREATE INDEX institutions_name_key ON institutions (name_key, id);
DROP INDEX institutions_country;
CREATE INDEX institutions_country ON institutions (country, name_key, id);
CREATE INDEX institutions_country_en ON institutions (country_key_en, name_key, id);
CREATE INDEX institutions_country_de ON institutions (country_key_de, name_key, id);
DROP INDEX institutions_city;
CREATE INDEX institutions_city ON institutions (city_key, name_key, id);

DROP INDEX partnerships_partner_name;
CREATE INDEX partnerships_partner_name ON partnerships (partner_name_key, id);
DROP INDEX partnerships_partner_country;
CREATE INDEX partnerships_partner_country ON partnerships (partner_country, partner_name_key, id);
CREATE INDEX partnerships_country_en ON partnerships (partner_country_key_en, partner_name_key, id);
CREATE INDEX partnerships_country_de ON partnerships (partner_country_key_de, partner_name_key, id);
DROP INDEX partnerships_tier;
CREATE INDEX partnerships_tier ON partnerships (tier DESC, partner_name_key, id);
DROP INDEX partnerships_active_agreements;
CREATE INDEX partnerships_active_agreements ON partnerships (active_agreements, partner_name_key, id);

DROP INDEX agreements_partner_name;
CREATE INDEX agreements_partner_name ON agreements (partner_name_key, id);
DROP INDEX agreements_status_name;
CREATE INDEX agreements_status_name ON agreements (status, partner_name_key, id);
DROP INDEX agreements_status_last_year;
CREATE INDEX agreements_status_last_year ON agreements (status, last_academic_year, partner_name_key, id);
DROP INDEX agreements_status_title;
CREATE INDEX agreements_status_title_en ON agreements (status, title_key_en, id);
CREATE INDEX agreements_status_title_de ON agreements (status, title_key_de, id);
DROP INDEX agreements_status_ends;
CREATE INDEX agreements_status_ends ON agreements (status, ends_on, partner_name_key, id);
DROP INDEX agreements_last_year_name;
CREATE INDEX agreements_last_year_name ON agreements (last_academic_year, partner_name_key, id);
DROP INDEX agreements_ends_on_name;
CREATE INDEX agreements_ends_on_name ON agreements (ends_on, partner_name_key, id);
DROP INDEX agreements_in_force_ends;
CREATE INDEX agreements_in_force_ends ON agreements (ends_on, partner_name_key, id)
  WHERE status IN ('signed', 'active');
DROP INDEX agreements_title;
CREATE INDEX agreements_title_en ON agreements (title_key_en, id);
CREATE INDEX agreements_title_de ON agreements (title_key_de, id);

-- The records of the kit (store::RecordTable's CollationKeyColumn) and the accounts: units by their
-- name in the reader's language (the German one, else the English), contacts and joint structures
-- by name, documents by title, people by their display name.
ALTER TABLE org_units ADD COLUMN name_key_en TEXT{{bytewise}};
ALTER TABLE org_units ADD COLUMN name_key_de TEXT{{bytewise}};
ALTER TABLE partner_contacts ADD COLUMN name_key TEXT{{bytewise}};
DROP INDEX partner_contacts_partnership;
CREATE INDEX partner_contacts_partnership ON partner_contacts (partnership_id, role, name_key);
ALTER TABLE joint_structures ADD COLUMN name_key TEXT{{bytewise}};
ALTER TABLE agreement_documents ADD COLUMN title_key TEXT{{bytewise}};
DROP INDEX agreement_documents_agreement;
CREATE INDEX agreement_documents_agreement ON agreement_documents (agreement_id, kind, title_key);
ALTER TABLE users ADD COLUMN name_key TEXT{{bytewise}} NOT NULL DEFAULT '';
