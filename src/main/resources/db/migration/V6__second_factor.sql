-- A moderator's second factor (TOTP, RFC 6238) and one-time recovery codes (issue #11).
-- The TOTP secret is what an authenticator app holds; it is stored as given to the app (base32),
-- so database backups must be protected like the database itself. Recovery codes are stored
-- as SHA-256 digests only (they are random, about 59 bits each, so a fast digest is enough).
CREATE TABLE second_factor (
  username     VARCHAR(80) PRIMARY KEY REFERENCES account (username),
  secret       VARCHAR(64) NOT NULL,
  confirmed    BOOLEAN     NOT NULL,
  last_step    BIGINT,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  confirmed_at TIMESTAMP WITH TIME ZONE
);

CREATE SEQUENCE recovery_code_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE recovery_code (
  id         BIGINT PRIMARY KEY,
  username   VARCHAR(80) NOT NULL REFERENCES account (username),
  digest     VARCHAR(64) NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX recovery_code_username ON recovery_code (username);
