-- Substring search by index (issue 8): institutions are found by any three or more characters of
-- their case- and accent-folded search text (search_text, kept by the repository), agreements by
-- their title, through a trigram index: on SQLite FTS5 tables kept by triggers, on PostgreSQL
-- pg_trgm's GIN indexes, which serve the LIKE '%...%' the repositories already write.
{{sqlite}}
CREATE VIRTUAL TABLE institutions_search USING fts5(
  search_text, content = 'institutions', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO institutions_search (institutions_search) VALUES ('rebuild');
CREATE TRIGGER institutions_search_insert AFTER INSERT ON institutions BEGIN
  INSERT INTO institutions_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER institutions_search_delete AFTER DELETE ON institutions BEGIN
  INSERT INTO institutions_search (institutions_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER institutions_search_update AFTER UPDATE OF search_text ON institutions BEGIN
  INSERT INTO institutions_search (institutions_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO institutions_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE VIRTUAL TABLE agreements_search USING fts5(
  title, content = 'agreements', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO agreements_search (agreements_search) VALUES ('rebuild');
CREATE TRIGGER agreements_search_insert AFTER INSERT ON agreements BEGIN
  INSERT INTO agreements_search (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER agreements_search_delete AFTER DELETE ON agreements BEGIN
  INSERT INTO agreements_search (agreements_search, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER agreements_search_update AFTER UPDATE OF title ON agreements BEGIN
  INSERT INTO agreements_search (agreements_search, rowid, title) VALUES ('delete', old.id, old.title);
  INSERT INTO agreements_search (rowid, title) VALUES (new.id, new.title);
END;
{{/sqlite}}
{{postgresql}}
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX institutions_search_trigrams ON institutions USING gin (search_text gin_trgm_ops);
CREATE INDEX agreements_title_trigrams ON agreements USING gin (lower(title) gin_trgm_ops);
{{/postgresql}}
