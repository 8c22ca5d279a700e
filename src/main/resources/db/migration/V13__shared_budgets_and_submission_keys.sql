-- Issue #10: what several instances on one database must share beyond what V8 added.
--
-- rate_budget: the per-client token buckets (submissions, reports, sign-in failures) that every
-- instance takes from, one row per (limit, client), updated by one UPSERT that computes the refill.
-- ${unlogged} is UNLOGGED on PostgreSQL (empty on H2): a bucket is not worth a WAL record and a
-- synchronous flush per request; after a crash PostgreSQL empties the table, which only forgives
-- what clients spent. Rows of quiet clients are deleted by a timer.
CREATE ${unlogged} TABLE rate_budget (
  name      VARCHAR(32) NOT NULL,
  client    VARCHAR(200) NOT NULL,
  tokens    DOUBLE PRECISION NOT NULL,
  granted   BOOLEAN NOT NULL,
  at_millis BIGINT NOT NULL,
  PRIMARY KEY (name, client)
);

-- submission_key: the Idempotency-Key a client sent with a submission, written in the same
-- transaction as the comment, so that a retry (on any instance) finds the comment its first
-- attempt stored instead of storing it again. Kept a day.
CREATE TABLE submission_key (
  client_hash VARCHAR(64) NOT NULL,
  idem_key    VARCHAR(128) NOT NULL,
  comment_id  BIGINT NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (client_hash, idem_key)
);
CREATE INDEX submission_key_created ON submission_key (created_at);

-- login_failure: failed sign-ins per (account, client) and per client, counted by every instance,
-- with the lock they earned (see LoginThrottle); unlogged like rate_budget.
CREATE ${unlogged} TABLE login_failure (
  failure_key         VARCHAR(400) PRIMARY KEY,
  failures            INTEGER NOT NULL,
  last_millis         BIGINT NOT NULL,
  locked_until_millis BIGINT NOT NULL
);
