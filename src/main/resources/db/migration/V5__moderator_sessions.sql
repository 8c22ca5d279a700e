-- Dashboard sessions (issue #11). The browser holds a random 256-bit token in an HttpOnly cookie;
-- only its SHA-256 is kept here, so a copy of this table signs nobody in. public_id is what the
-- owner sees in the list of their sessions (never the token). A session ends by deleting its row.
CREATE TABLE moderator_session (
  token_hash   VARCHAR(64)  PRIMARY KEY,
  public_id    VARCHAR(32)  NOT NULL UNIQUE,
  username     VARCHAR(80)  NOT NULL REFERENCES account (username) ON DELETE CASCADE,
  csrf_token   VARCHAR(64)  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  user_agent   VARCHAR(200),
  restricted   BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE INDEX moderator_session_username ON moderator_session (username);
CREATE INDEX moderator_session_expires ON moderator_session (expires_at);
CREATE INDEX moderator_session_last_seen ON moderator_session (last_seen_at);
