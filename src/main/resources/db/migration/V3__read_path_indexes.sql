-- Indexes for the moderators' queue at scale (1M comments, 100k pending): each filtered or
-- ordered queue page reads its 51 rows in index order instead of walking or sorting all pending
-- comments. Plans before and after: BENCHMARKS.md, "Scale: 1M comments". Portable between
-- PostgreSQL and H2 (PostgreSQL mode): plain B-tree indexes, no partial indexes, no INCLUDE.

-- "order by severity desc, created_at, id" mixes directions, which the V2 index
-- (status, severity, created_at, id) cannot return in order: PostgreSQL sorted every pending row.
DROP INDEX comments_queue_severity;
CREATE INDEX comments_queue_severity ON comments (status, severity DESC, created_at, id);

-- the queue filtered by category or by rule, oldest first; a rare or absent value no longer
-- means a walk through the whole pending queue
CREATE INDEX comments_queue_category ON comments (status, top_category, created_at, id);
CREATE INDEX comments_queue_rule ON comments (status, top_rule, created_at, id);
