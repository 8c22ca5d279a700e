-- Readers the site signs in (issue #12): who vouched (issuer, '' when the tokens name none), the
-- site's id (subject), the name shown, first and last seen. Nothing else about them is kept here.
-- Written by native statements (insert once, under the unique key), ids from their own sequence.
CREATE SEQUENCE reader_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE reader (
  id            BIGINT       NOT NULL PRIMARY KEY,
  issuer        VARCHAR(255) NOT NULL,
  subject       VARCHAR(255) NOT NULL,
  display_name  VARCHAR(80),
  first_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT reader_identity UNIQUE (issuer, subject)
);

-- a signed-in reader's comments, sanctions and reports name the reader; history and bans bind to it
ALTER TABLE comments ADD COLUMN reader_id BIGINT;
ALTER TABLE sanction ADD COLUMN reader_id BIGINT;
-- their indexes: V9_1, built concurrently

-- one report per reporter and comment: the reader when signed in, else the client (its address, an
-- IPv6 one by its /64); the client hash stays for the per-client limits
ALTER TABLE comment_report ADD COLUMN reader_id BIGINT;
ALTER TABLE comment_report ADD COLUMN reporter VARCHAR(80);
UPDATE comment_report SET reporter = 'client:' || client_hash;
ALTER TABLE comment_report ALTER COLUMN reporter SET NOT NULL;
ALTER TABLE comment_report DROP CONSTRAINT comment_report_once;
ALTER TABLE comment_report ADD CONSTRAINT comment_report_once UNIQUE (comment_id, reporter);
