-- Issue #13, e-mail and webhooks: one durable outbox. A row is written in the transaction of the
-- change it tells of (so it exists exactly when that change committed), claimed by one worker of
-- one instance at a time (FOR UPDATE SKIP LOCKED), and kept with its attempts and last answer.
-- dedupe_key makes one row per (event, recipient or hook): a second insert is skipped.
CREATE SEQUENCE outbox_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE outbox (
  id              BIGINT PRIMARY KEY,
  kind            VARCHAR(16) NOT NULL,
  dedupe_key      VARCHAR(200) NOT NULL,
  event           VARCHAR(40) NOT NULL,
  webhook_id      BIGINT,
  recipient       VARCHAR(254),
  subject         VARCHAR(500),
  unsubscribe_url VARCHAR(1000),
  payload         TEXT NOT NULL,
  state           VARCHAR(16) NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_until    TIMESTAMP WITH TIME ZONE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  last_attempt_at TIMESTAMP WITH TIME ZONE,
  sent_at         TIMESTAMP WITH TIME ZONE,
  last_status     INTEGER,
  last_answer     VARCHAR(1000),
  CONSTRAINT outbox_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX outbox_due ON outbox (state, due_at);
CREATE INDEX outbox_webhook ON outbox (webhook_id, id);

CREATE SEQUENCE webhook_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE webhook (
  id         BIGINT PRIMARY KEY,
  url        VARCHAR(2000) NOT NULL,
  events     VARCHAR(200) NOT NULL,
  secret     VARCHAR(200),
  format     VARCHAR(16) NOT NULL,
  chat_id    VARCHAR(64),
  created_by VARCHAR(80) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at TIMESTAMP WITH TIME ZONE
);

-- a reader who ticked «Сообщать об ответах»; an unsubscription turns it off for the address
ALTER TABLE comments ADD COLUMN notify_replies BOOLEAN DEFAULT FALSE NOT NULL;

-- moderators who want the queue digest, with the language they set it in
CREATE TABLE moderator_contact (
  username VARCHAR(80) PRIMARY KEY,
  email    VARCHAR(254) NOT NULL,
  language VARCHAR(8) NOT NULL
);

-- one row: the key that signs unsubscribe links (made by the first instance that needs it) and
-- when the last queue digest went out (locked FOR UPDATE SKIP LOCKED, so one instance sends it)
CREATE TABLE notification_state (
  id              INTEGER PRIMARY KEY,
  link_key        VARCHAR(100),
  digest_sent_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO notification_state (id) VALUES (1);
