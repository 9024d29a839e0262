-- How often what the partner map shows has changed: a partnership, the institution of a partnership
-- or an agreement (the map shows tier and active agreements, and filters by agreement type and
-- status). The partners repository counts every such write in the transaction that makes it, so
-- every server sharing the database reads with one small query whether the map it holds is
-- current, and the map's ETag changes exactly when the map's data does.

CREATE TABLE partner_map_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL,
  -- PostgreSQL: the transaction that counted last, so that a transaction writing many rows counts
  -- once (updating one row thousands of times in one transaction grows its chain of row versions).
  counted_by BIGINT,
  -- Tells this database's versions from another's (a demo database built anew starts again at 0),
  -- so that an ETag of one is never taken for the other's.
  database_id TEXT NOT NULL
);
INSERT INTO partner_map_version (id, version, database_id)
  VALUES (1, 0, CAST(random() AS TEXT) || '-' || CAST(CURRENT_TIMESTAMP AS TEXT));
