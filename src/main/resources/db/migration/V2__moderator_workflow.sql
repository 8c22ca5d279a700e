-- The moderators' workflow: claims, reader reports, sanctions, CMS API keys, stored rule sets,
-- and a subject for audit entries that are not about one comment. Portable (PostgreSQL, H2).

ALTER TABLE comments ADD COLUMN claimed_by VARCHAR(80);
ALTER TABLE comments ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
-- the queue ordered by severity, keyset (severity desc, created_at, id)
CREATE INDEX comments_queue_severity ON comments (status, severity, created_at, id);

ALTER TABLE audit_entry ADD COLUMN subject VARCHAR(200);
CREATE INDEX audit_at ON audit_entry (at);

CREATE SEQUENCE report_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE comment_report (
  id           BIGINT PRIMARY KEY,
  comment_id   BIGINT       NOT NULL REFERENCES comments (id),
  client_hash  VARCHAR(64)  NOT NULL,
  reason       VARCHAR(16)  NOT NULL,
  note         VARCHAR(500),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  dismissed_at TIMESTAMP WITH TIME ZONE,
  dismissed_by VARCHAR(80),
  -- one report per reader per comment: a repeat is accepted but not counted
  CONSTRAINT comment_report_once UNIQUE (comment_id, client_hash)
);

CREATE SEQUENCE sanction_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sanction (
  id           BIGINT PRIMARY KEY,
  kind         VARCHAR(16)  NOT NULL,
  author_name  VARCHAR(80),
  author_email VARCHAR(254),
  email_domain VARCHAR(254),
  client_hash  VARCHAR(64),
  until        TIMESTAMP WITH TIME ZONE,
  reason       VARCHAR(1000) NOT NULL,
  created_by   VARCHAR(80)  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  lifted_at    TIMESTAMP WITH TIME ZONE,
  lifted_by    VARCHAR(80)
);
CREATE INDEX sanction_email ON sanction (author_email);
CREATE INDEX sanction_client ON sanction (client_hash);

CREATE SEQUENCE api_key_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE api_key (
  id         BIGINT PRIMARY KEY,
  name       VARCHAR(80)  NOT NULL,
  key_hash   VARCHAR(64)  NOT NULL UNIQUE,
  created_by VARCHAR(80)  NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE SEQUENCE rule_set_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE rule_set (
  id         BIGINT PRIMARY KEY,
  version    VARCHAR(64)   NOT NULL,
  source     VARCHAR(200000) NOT NULL,
  created_by VARCHAR(80)   NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
