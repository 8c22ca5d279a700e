-- Indexes for the write path at scale (measured on 1M comments, bench/results):
--
-- The duplicate rule looks for the batch's body hashes among the last day's comments of the same
-- client or e-mail. Without an index on body_hash PostgreSQL answered that from the client and
-- e-mail indexes plus a heap visit per row of those authors (77 ms for a batch of 20), or by a
-- sequential scan (1.7 s) once the statement was prepared; a body hash is all but unique, so this
-- index finds the few candidates directly.
CREATE INDEX IF NOT EXISTS comments_body_hash ON comments (body_hash, created_at);

-- An author's history (approved ever; approved and rejected within the trust window) is read for
-- every submission: with created_at in the e-mail index the e-mail's part is counted from the
-- index alone.
DROP INDEX comments_author_email;
CREATE INDEX comments_author_email ON comments (author_email, status, created_at);
