-- Comments, their engine verdicts, moderators' decisions and the audit trail.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

CREATE SEQUENCE comment_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE comments (
  id               BIGINT PRIMARY KEY,
  article_id       VARCHAR(128)  NOT NULL,
  parent_id        BIGINT REFERENCES comments (id),
  root_id          BIGINT,
  author_name      VARCHAR(80)   NOT NULL,
  author_email     VARCHAR(254),
  body             VARCHAR(5000) NOT NULL,
  body_hash        VARCHAR(64)   NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  version          INTEGER       NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at       TIMESTAMP WITH TIME ZONE,
  client_hash      VARCHAR(64),
  language         VARCHAR(8),
  engine_decision  VARCHAR(16)   NOT NULL,
  verdict          VARCHAR(30000) NOT NULL,
  rule_set_version VARCHAR(64)   NOT NULL,
  top_category     VARCHAR(64),
  top_rule         VARCHAR(128),
  severity         INTEGER       NOT NULL
);

-- the public thread: approved top-level comments of an article in time order
CREATE INDEX comments_thread ON comments (article_id, status, parent_id, created_at, id);
-- replies of a page of top-level comments
CREATE INDEX comments_root ON comments (root_id, status, created_at);
-- the moderation queue, oldest first
CREATE INDEX comments_queue ON comments (status, created_at, id);
-- author history (first comment, duplicates)
CREATE INDEX comments_author_email ON comments (author_email, status);
CREATE INDEX comments_client ON comments (client_hash, created_at);

CREATE SEQUENCE audit_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_entry (
  id          BIGINT PRIMARY KEY,
  comment_id  BIGINT,
  actor       VARCHAR(80) NOT NULL,
  action      VARCHAR(32) NOT NULL,
  from_status VARCHAR(16),
  to_status   VARCHAR(16),
  reason      VARCHAR(1000),
  at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_comment ON audit_entry (comment_id, at);
CREATE INDEX audit_actor ON audit_entry (actor, at);

CREATE TABLE account (
  username      VARCHAR(80)  PRIMARY KEY,
  password_hash VARCHAR(512) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  enabled       BOOLEAN      NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE article (
  id               VARCHAR(128) PRIMARY KEY,
  comments_open    BOOLEAN NOT NULL,
  premoderated     BOOLEAN NOT NULL,
  report_threshold INTEGER,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- secrets shared by all instances on one database (e.g. the key of the client-address hash)
CREATE TABLE app_secret (
  name   VARCHAR(64)  PRIMARY KEY,
  secret VARCHAR(256) NOT NULL
);
