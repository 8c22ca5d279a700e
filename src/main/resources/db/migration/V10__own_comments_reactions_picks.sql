-- Issue 12: a reader's own comments (edits, deletion), reactions, editor's picks, proof of work.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

-- proof of authorship for anonymous authors: SHA-256 (hex) of the edit token shown once in the 201
ALTER TABLE comments ADD COLUMN edit_token_hash VARCHAR(64);
ALTER TABLE comments ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
-- likes counted forward with each reaction row, so the thread and sort=popular read one column
ALTER TABLE comments ADD COLUMN likes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE comments ADD COLUMN featured BOOLEAN DEFAULT FALSE NOT NULL;

-- sort=popular's index: V10_1, built concurrently

-- every edit keeps both texts (the audit entry names the revision)
CREATE SEQUENCE comment_revision_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE comment_revision (
  id            BIGINT PRIMARY KEY,
  comment_id    BIGINT        NOT NULL REFERENCES comments (id),
  body_before   VARCHAR(5000) NOT NULL,
  body_after    VARCHAR(5000) NOT NULL,
  status_before VARCHAR(16)   NOT NULL,
  status_after  VARCHAR(16)   NOT NULL,
  edited_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX comment_revision_comment ON comment_revision (comment_id, edited_at);

-- one reaction of a kind per reader (the reader key: an SSO subject or a client) and comment
CREATE TABLE reaction (
  comment_id BIGINT       NOT NULL REFERENCES comments (id),
  kind       VARCHAR(16)  NOT NULL,
  reader_key VARCHAR(200) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (comment_id, kind, reader_key)
);

-- proof-of-work challenges already used: the unique key refuses a second use on any instance;
-- rows go once the challenge has expired anyway
CREATE TABLE challenge_spent (
  id         VARCHAR(64) PRIMARY KEY,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX challenge_spent_expiry ON challenge_spent (expires_at);
