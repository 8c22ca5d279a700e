-- Import, export and a reader's data (issue #13, items 1-3). Portable (PostgreSQL, H2).

-- Where an imported comment came from ("disqus:123", "wxr:blog.example:45", "cm:7"): importing the
-- same file again adds nothing, and replies in a later file find parents imported before.
ALTER TABLE comments ADD COLUMN source_id VARCHAR(300);
-- its unique index and the retention job's index on created_at: V11_1, built concurrently

-- An import is a row, so any instance answers its poll; updated_at is its heartbeat (a job whose
-- instance died is failed by the others, or by the instance itself when it starts again).
CREATE SEQUENCE import_job_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE import_job (
  id          BIGINT PRIMARY KEY,
  format      VARCHAR(16)  NOT NULL,
  moderate    BOOLEAN      NOT NULL,
  state       VARCHAR(16)  NOT NULL,
  read_count  BIGINT       NOT NULL,
  imported    BIGINT       NOT NULL,
  skipped     BIGINT       NOT NULL,
  failed      BIGINT       NOT NULL,
  error       VARCHAR(1000),
  created_by  VARCHAR(80)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX import_job_state ON import_job (state, updated_at);

-- Comments of a running import, staged with their final ids: nothing here is visible anywhere.
-- Parents and roots are resolved here by set-based SQL, then one INSERT ... SELECT publishes the
-- whole job in one transaction, and the rows are deleted.
CREATE TABLE import_item (
  job_id          BIGINT        NOT NULL,
  source_id       VARCHAR(300)  NOT NULL,
  comment_id      BIGINT        NOT NULL,
  parent_source   VARCHAR(300),
  parent_id       BIGINT,
  root_id         BIGINT,
  depth           INTEGER       NOT NULL,
  article_id      VARCHAR(128)  NOT NULL,
  author_name     VARCHAR(80)   NOT NULL,
  author_email    VARCHAR(254),
  body            VARCHAR(5000) NOT NULL,
  body_hash       VARCHAR(64)   NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  engine_decision VARCHAR(16)   NOT NULL,
  verdict         VARCHAR(30000) NOT NULL,
  rule_set_version VARCHAR(64)  NOT NULL,
  top_category    VARCHAR(64),
  top_rule        VARCHAR(128),
  severity        INTEGER       NOT NULL,
  PRIMARY KEY (job_id, source_id)
);
CREATE INDEX import_item_comment ON import_item (job_id, comment_id);
