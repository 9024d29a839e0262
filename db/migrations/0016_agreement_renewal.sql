-- Renewal as a step (issue 9): "renew" creates the successor agreement as a draft with the same
-- conditions and the next period, linked to its predecessor. One successor per agreement (the
-- unique index; NULLs do not collide); removing a predecessor leaves its successor unlinked.
ALTER TABLE agreements ADD COLUMN predecessor_id BIGINT REFERENCES agreements (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX agreements_predecessor ON agreements (predecessor_id);
