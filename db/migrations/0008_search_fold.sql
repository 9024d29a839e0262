-- Accent folding for search (issue 8): institutions.search_text and the new agreements.search_text
-- hold their text folded by the server (FoldForSearch: case and accents, "Universität" →
-- "universitat"), which neither database's lower() does alike; searches are folded the same way.
-- SQL cannot fold accents, so this migration fills the agreements' column with lower(title) and
-- the server's next step (0009_search_refold, partners::repository::RefoldSearchTexts) folds the
-- stored texts of both tables again; the triggers and indexes below keep the search indexes with it.
ALTER TABLE agreements ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
UPDATE agreements SET search_text = lower(COALESCE(title, ''));
{{sqlite}}
DROP TRIGGER agreements_search_insert;
DROP TRIGGER agreements_search_delete;
DROP TRIGGER agreements_search_update;
DROP TABLE agreements_search;
CREATE VIRTUAL TABLE agreements_search USING fts5(
  search_text, content = 'agreements', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO agreements_search (agreements_search) VALUES ('rebuild');
CREATE TRIGGER agreements_search_insert AFTER INSERT ON agreements BEGIN
  INSERT INTO agreements_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER agreements_search_delete AFTER DELETE ON agreements BEGIN
  INSERT INTO agreements_search (agreements_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER agreements_search_update AFTER UPDATE OF search_text ON agreements BEGIN
  INSERT INTO agreements_search (agreements_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO agreements_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
{{/sqlite}}
{{postgresql}}
DROP INDEX agreements_title_trigrams;
CREATE INDEX agreements_search_trigrams ON agreements USING gin (search_text gin_trgm_ops);
{{/postgresql}}
