-- Indexes for the read paths at scale (1M comments, 100k pending): each thread page and each
-- filtered or ordered queue page reads its rows in index order instead of walking or sorting
-- many others. Plans before and after: BENCHMARKS.md, "Scale: 1M comments". Portable between
-- PostgreSQL and H2 (PostgreSQL mode): plain B-tree indexes, no partial indexes, no INCLUDE.

-- the thread, oldest or newest first: "parent_id is null" is a filter, not an equality, so the
-- V1 index (article_id, status, parent_id, created_at, id) could not return a page in order, and
-- PostgreSQL preferred walking every approved comment in time order (6 s on 1M rows when the
-- article is recent). Without parent_id the index is in page order; top-level comments are most
-- of an article's, so the filter costs little. It also counts the approved comments (index only).
DROP INDEX comments_thread;
CREATE INDEX comments_thread ON comments (article_id, status, created_at, id);

-- "order by severity desc, created_at, id" mixes directions, which the V2 index
-- (status, severity, created_at, id) cannot return in order: PostgreSQL sorted every pending row.
DROP INDEX comments_queue_severity;
CREATE INDEX comments_queue_severity ON comments (status, severity DESC, created_at, id);

-- the queue filtered by category or by rule, oldest first; a rare or absent value no longer
-- means a walk through the whole pending queue
CREATE INDEX comments_queue_category ON comments (status, top_category, created_at, id);
CREATE INDEX comments_queue_rule ON comments (status, top_rule, created_at, id);
