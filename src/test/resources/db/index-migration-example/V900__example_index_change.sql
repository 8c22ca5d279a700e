-- The form every index change on a table that already holds rows takes (README, "Migrations"):
-- its own migration, outside a transaction (the .conf beside this file), one statement per index,
-- ${concurrently} (CONCURRENTLY on PostgreSQL, nothing on H2). A concurrent build that failed
-- leaves an INVALID index behind, so drop before creating rather than CREATE ... IF NOT EXISTS.
DROP INDEX ${concurrently} IF EXISTS comments_example;
CREATE INDEX ${concurrently} comments_example ON comments (article_id, author_name, created_at);
