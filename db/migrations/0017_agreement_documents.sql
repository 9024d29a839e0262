-- Documents on agreements (issue 9): the signed agreement, amendments, annexes, as PDF files with
-- their versions. A document is a title and a kind under an agreement; each upload is a new file
-- version of it, numbered from 1 and never changed. The file's bytes are kept as base64 text, so
-- that both databases keep them in an ordinary column and a backup of the database holds them.
-- The document row keeps its newest version's facts, so that a list needs no second query. An
-- agreement with documents is not removed until they are; a document's files go with it.
CREATE TABLE agreement_documents (
  id {{serial_pk}},
  agreement_id BIGINT NOT NULL REFERENCES agreements (id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  file_count BIGINT NOT NULL DEFAULT 0,
  latest_file_id BIGINT,
  latest_file_name TEXT,
  latest_size_bytes BIGINT,
  latest_uploaded_at TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agreement_documents_agreement ON agreement_documents (agreement_id, kind, title);

CREATE TABLE agreement_document_files (
  id {{serial_pk}},
  document_id BIGINT NOT NULL REFERENCES agreement_documents (id) ON DELETE CASCADE,
  number BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,
  uploaded_by BIGINT,
  uploaded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX agreement_document_files_number ON agreement_document_files (document_id, number);
