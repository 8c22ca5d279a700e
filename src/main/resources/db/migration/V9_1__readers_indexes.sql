-- Issue 12: the indexes on the readers' columns of tables that hold data in existing installations,
-- built without locking out writers (outside a transaction, CONCURRENTLY on PostgreSQL; README,
-- "Migrations").
CREATE INDEX ${concurrently} comments_reader ON comments (reader_id, created_at);
CREATE INDEX ${concurrently} sanction_reader ON sanction (reader_id);
