-- bench/seed.sql: a large, realistic comments table, made in PostgreSQL with generate_series.
-- Run by bench/seed.sh after Flyway has created the schema (it starts the service once).
-- psql variables (defaults in seed.sh): total (1,000,000 comments), articles (10,000), hot
-- (10,000 approved comments on the article 'hot-article', 8,000 top-level and 2,000 replies, in
-- the last 10 % of the time span),
-- pending (100,000 held comments over all articles).
-- Statuses: pending as asked; of the rest 93 % approved, 7 % refused. Times spread over the last
-- 365 days in id order (as a sequence gives them); verdicts, categories, rules and severities as
-- the engine writes them; bodies 50-1,450 characters of Russian text, each different.

\set ON_ERROR_STOP 1
SET synchronous_commit = on;

-- CASCADE: revisions, reactions and other tables added since refer to comments
TRUNCATE comment_report, audit_entry, comments CASCADE;

-- 40 Russian sentences, cut and combined by id so bodies differ in text and length
CREATE TEMP TABLE phrase(n int PRIMARY KEY, t text);
INSERT INTO phrase
SELECT i, s || ' ' || o || ', ' || t
FROM generate_series(0, 39) i,
  LATERAL (SELECT (ARRAY['Мэрия опять обещает', 'Депутаты третий год обсуждают', 'Жители микрорайона просят',
                          'Министерство так и не закончило', 'Эксперты критикуют', 'Соседи поддержали',
                          'Городской совет перенёс', 'Водители маршруток недовольны, что отложили'])[i % 8 + 1] AS s,
                  (ARRAY['ремонт дороги на Чуй', 'строительство новой школы', 'повышение тарифов на воду',
                          'реформу здравоохранения', 'уборку снега во дворах'])[i % 5 + 1] AS o,
                  (ARRAY['и это хорошо.', 'но верится с трудом.', 'посмотрим, что будет весной.',
                          'а люди ждут уже давно.', 'в соседних городах сделали быстрее.',
                          'надеюсь, в этот раз доведут до конца.', 'цифры в статье не сходятся.',
                          'спасибо журналистам за материал.'])[(i / 5) % 8 + 1] AS t) x;

CREATE TEMP TABLE para AS
SELECT string_agg(t, ' ' ORDER BY (n * 17) % 40) AS text FROM phrase;

-- kind of each row: 0 approved, 1 pending, 2 refused
INSERT INTO comments (id, article_id, parent_id, root_id, author_name, author_email, body, body_hash,
                      status, version, created_at, decided_at, client_hash, language, engine_decision,
                      verdict, rule_set_version, top_category, top_rule, severity, claimed_by, claimed_until)
SELECT g,
       a.article,
       a.parent, a.parent,
       'Читатель ' || (g * 7919 % 50000),
       'reader' || (g * 7919 % 50000) || '@example.kg',
       substr(p.text, (1 + g * 31 % 300)::int, (50 + g * 2654435761 % 1400)::int) || ' (' || g || ')',
       md5(g::text) || md5((g * 3)::text),
       k.status, 1,
       now() - interval '365 days' * (1 - g::float8 / :total),
       NULL,
       md5(('client' || (g * 7919 % 50000))::text) || md5((g * 7919 % 50000)::text),
       'ru',
       k.decision,
       CASE k.kind
         WHEN 0 THEN '{"decision":"APPROVE","matches":[],"ruleSetVersion":"2026.11.26-2"}'
         ELSE '{"decision":"' || k.decision || '","matches":[{"rule":"' || k.rule || '","category":"' || k.category
              || '","action":"' || CASE k.kind WHEN 1 THEN 'HOLD' ELSE 'REJECT' END
              || '","start":8,"end":13,"excerpt":"идиот","reason":"' || upper(k.category) || '"}],"reason":"'
              || upper(k.category) || '","ruleSetVersion":"2026.11.26-2"}'
       END,
       '2026.11.26-2',
       CASE WHEN k.kind = 0 THEN NULL ELSE k.category END,
       CASE WHEN k.kind = 0 THEN NULL ELSE k.rule END,
       CASE WHEN k.kind = 0 THEN 0 ELSE 1 + g % 3 END,
       NULL, NULL
FROM generate_series(1::bigint, :total) g
CROSS JOIN para p
CROSS JOIN LATERAL (
  -- the hot article: every stride-th row of the last hot * stride rows (a recent article, its
  -- comments interleaved with other articles' in time); its first 80 % top-level, then replies
  SELECT CASE WHEN g > :total - :hot * s.stride AND g % s.stride = 0 THEN 'hot-article'
              ELSE 'news-' || (1 + (g * 7919) % :articles) END AS article,
         CASE WHEN g > :total - :hot * s.stride AND g % s.stride = 0
                   AND (g - (:total - :hot * s.stride)) / s.stride > :hot * 8 / 10
              THEN :total - :hot * s.stride + s.stride * (1 + (g * 7919) % (:hot * 8 / 10)) END AS parent
  FROM (SELECT :total / :pending AS stride) s
) a
CROSS JOIN LATERAL (
  -- every (total / pending)-th row is pending (never a hot-article row), 7 % of the others refused
  SELECT c.kind,
         (ARRAY['APPROVED', 'PENDING', 'REJECTED'])[c.kind + 1] AS status,
         (ARRAY['APPROVE', 'HOLD', 'REJECT'])[c.kind + 1] AS decision,
         CASE c.kind WHEN 2 THEN 'obscenity'
           ELSE (ARRAY['insult', 'insult', 'spam', 'spam', 'hate', 'shouting', 'flood', 'insult'])[(g / 10) % 8 + 1] END AS category,
         CASE c.kind WHEN 2 THEN 'obscenity-ru'
           ELSE (ARRAY['insult', 'insult', 'links', 'phones', 'hate', 'shouting', 'flood', 'insult'])[(g / 10) % 8 + 1] END AS rule
  FROM (SELECT CASE
                 WHEN a.article = 'hot-article' THEN 0
                 WHEN g % (:total / :pending) = :total / :pending - 1 THEN 1
                 WHEN g % 100 < 7 THEN 2
                 ELSE 0 END AS kind) c
) k;

-- ids from the sequence continue after the seeded ones (EclipseLink allocates 50 at a time)
SELECT setval('comment_seq', (SELECT max(id) FROM comments) + 1000);

VACUUM ANALYZE comments;

SELECT status, count(*) AS comments, pg_size_pretty(pg_total_relation_size('comments')) AS table_and_indexes
FROM comments GROUP BY status ORDER BY status;
SELECT count(*) AS hot_article_approved FROM comments WHERE article_id = 'hot-article' AND status = 'APPROVED';
