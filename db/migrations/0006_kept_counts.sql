-- Counts that lists sort and filter by, kept with the record in the transaction that changes them
-- (issue 8): a partnership's active agreements, recounted by the agreement repository whenever an
-- agreement is added, changed or removed, so that sorting partners by it reads an index instead
-- of counting every agreement on every request.
ALTER TABLE partnerships ADD COLUMN active_agreements BIGINT NOT NULL DEFAULT 0;
UPDATE partnerships SET active_agreements = (
  SELECT COUNT(*) FROM agreements a WHERE a.partnership_id = partnerships.id AND a.status = 'active'
);
CREATE INDEX partnerships_active_agreements ON partnerships (active_agreements, id);
