-- An agreement's partners, contacts and quotas (with their EQF levels and languages) as the JSON
-- text a list page writes, kept with the agreement by the repository in the transaction that
-- writes its child rows: a page of 50 agreements then reads no child table (five queries and
-- about 400 rows a page before). The child tables stay the record; `weltcampus check counts`
-- compares the two. Written for the agreements already stored by the code migration
-- 0013_agreement_children_text; empty until then, which a list reads as "load the child rows".
ALTER TABLE agreements ADD COLUMN children_json TEXT NOT NULL DEFAULT '';
