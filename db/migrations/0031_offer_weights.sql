-- An offer may weigh the call's criteria its own way (issue 10: per-offer priorities, e.g. a partner
-- that selects by interview alone): all three weights, summing to 100, or none (the call's).
ALTER TABLE call_offers ADD COLUMN weight_grade INTEGER;
ALTER TABLE call_offers ADD COLUMN weight_language INTEGER;
ALTER TABLE call_offers ADD COLUMN weight_committee INTEGER;
