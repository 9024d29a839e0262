-- Lists sorted or filtered by the partner's name or country read an index instead of sorting
-- every matching row (issue 8): partnerships and agreements keep a copy of their partner
-- institution's name (and partnerships its country), written by the partners repository in the
-- transaction that writes the partnership or agreement or renames the institution, and checked
-- against the institutions by `weltcampus check counts`. Each sort of the partner and agreement
-- lists (and the institutions by city) has an index in its order; the names follow the sort's
-- direction, so that one index serves both directions.
ALTER TABLE partnerships ADD COLUMN partner_name TEXT NOT NULL DEFAULT '';
ALTER TABLE partnerships ADD COLUMN partner_country TEXT NOT NULL DEFAULT '';
UPDATE partnerships SET
  partner_name = (SELECT i.name FROM institutions i WHERE i.id = partnerships.institution_id),
  partner_country = (SELECT i.country FROM institutions i WHERE i.id = partnerships.institution_id);
CREATE INDEX partnerships_partner_name ON partnerships (partner_name, id);
CREATE INDEX partnerships_partner_country ON partnerships (partner_country, partner_name, id);
DROP INDEX partnerships_tier;
-- The tier sort runs its tiers Z to A and its names A to Z: so does the index.
CREATE INDEX partnerships_tier ON partnerships (tier DESC, partner_name, id);
DROP INDEX partnerships_active_agreements;
CREATE INDEX partnerships_active_agreements ON partnerships (active_agreements, partner_name, id);
ALTER TABLE agreements ADD COLUMN partner_name TEXT NOT NULL DEFAULT '';
UPDATE agreements SET partner_name =
  (SELECT p.partner_name FROM partnerships p WHERE p.id = agreements.partnership_id);
CREATE INDEX agreements_partner_name ON agreements (partner_name, id);
-- A list of one status (the common filter: active agreements) reads any of its sorts from an index.
CREATE INDEX agreements_status_name ON agreements (status, partner_name, id);
CREATE INDEX agreements_status_last_year ON agreements (status, last_academic_year, partner_name, id);
CREATE INDEX agreements_status_title ON agreements (status, title, id);
DROP INDEX agreements_status_ends;
CREATE INDEX agreements_status_ends ON agreements (status, ends_on, partner_name, id);
CREATE INDEX agreements_last_year_name ON agreements (last_academic_year, partner_name, id);
CREATE INDEX agreements_ends_on_name ON agreements (ends_on, partner_name, id);
-- Agreements in force by their end (the renewal list, `agreements/expiring`): without it the list
-- reads past every expired agreement, or sorts every agreement in force, before its first page.
CREATE INDEX agreements_in_force_ends ON agreements (ends_on, partner_name, id)
  WHERE status IN ('signed', 'active');
CREATE INDEX agreements_title ON agreements (title, id);
CREATE INDEX institutions_city ON institutions (city, name, id);
