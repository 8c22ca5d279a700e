-- Issue 12: sort=popular, most likes first, ties newest first; built without locking out writers
-- (outside a transaction, CONCURRENTLY on PostgreSQL; README, "Migrations").
CREATE INDEX ${concurrently} comments_popular ON comments (article_id, status, parent_id, likes, created_at, id);
