-- A running job that has begun to write its changes (an import's write pass, one transaction) no
-- longer stops for a cancel request: such a request is refused (409) instead of being accepted and
-- then not honoured (issue 13: an accepted cancel must mean that nothing was written).
ALTER TABLE jobs ADD COLUMN committing INTEGER NOT NULL DEFAULT 0;
