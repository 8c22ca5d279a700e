-- Issue 13: indexes on comments, built without locking out writers (outside a transaction,
-- CONCURRENTLY on PostgreSQL; README, "Migrations").
-- one row per imported source id: importing the same file again adds nothing
CREATE UNIQUE INDEX ${concurrently} comments_source ON comments (source_id);
-- the retention job: comments past the retention age that still hold an e-mail or a client hash
CREATE INDEX ${concurrently} comments_created ON comments (created_at);
