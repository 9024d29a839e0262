-- An agreement's child rows read in their order straight from an index: a page of 50 agreements
-- reads its partners, contacts, quotas and quota languages by `agreement_id IN (...)` (or
-- `quota_id IN (...)`) ordered by position, and without these sorts them each time.
DROP INDEX quotas_agreement;
CREATE INDEX quotas_agreement ON quotas (agreement_id, position);
DROP INDEX agreement_contacts_agreement;
CREATE INDEX agreement_contacts_agreement ON agreement_contacts (agreement_id, position);
CREATE INDEX agreement_partners_position ON agreement_partners (agreement_id, position, institution_id);
CREATE INDEX quota_languages_position ON quota_languages (quota_id, position, language, cefr);
