-- A quota's EQF levels and language requirements as rows, so that a query can filter on them
-- (the exchange module offers places by level and language). Quotas and contacts keep their ids
-- across agreement edits from now on: other records will point at quotas.

CREATE TABLE quota_eqf_levels (
  quota_id BIGINT NOT NULL REFERENCES quotas (id) ON DELETE CASCADE,
  eqf_level INTEGER NOT NULL CHECK (eqf_level BETWEEN 1 AND 8),
  PRIMARY KEY (quota_id, eqf_level)
);
CREATE INDEX quota_eqf_levels_level ON quota_eqf_levels (eqf_level, quota_id);

CREATE TABLE quota_languages (
  quota_id BIGINT NOT NULL REFERENCES quotas (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  language TEXT NOT NULL,
  cefr TEXT NOT NULL,
  PRIMARY KEY (quota_id, language)
);
CREATE INDEX quota_languages_language ON quota_languages (language, cefr, quota_id);

-- EQF levels were stored as "6,7" (single digits).
INSERT INTO quota_eqf_levels (quota_id, eqf_level)
  SELECT q.id, l.level FROM quotas q
  JOIN (SELECT 1 AS level UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL
        SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8) l
    ON (',' || q.eqf_levels || ',') LIKE ('%,' || CAST(l.level AS TEXT) || ',%');

-- Languages were stored as "en:B2,de:B1": five characters an item, one comma between.
INSERT INTO quota_languages (quota_id, position, language, cefr)
  SELECT q.id, k.n, substr(q.languages, 1 + 6 * k.n, 2), substr(q.languages, 4 + 6 * k.n, 2)
  FROM quotas q
  JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL
        SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL
        SELECT 9) k
    ON length(q.languages) >= 5 + 6 * k.n;

ALTER TABLE quotas DROP COLUMN eqf_levels;
ALTER TABLE quotas DROP COLUMN languages;

CREATE INDEX quotas_category ON quotas (category, direction, agreement_id);
