-- bench/pgbench/insert.sql: the write-path baseline. One single-row INSERT per transaction
-- into bench_insert, a copy of the comments table with the same columns and indexes
-- (CREATE TABLE ... (LIKE comments INCLUDING ALL), made by load.sh), with a row of the same size
-- as a submitted comment: a Russian body of 50-1,500 characters (truncated exponential, mean ~455,
-- as the submit script's bodies), SHA-256-sized hashes, a verdict JSON. Autocommit, durability
-- defaults: every transaction waits for its WAL flush, as the service's commit does.
\set author random(1, 50000)
\set len random_exponential(50, 1500, 3.0)
INSERT INTO bench_insert (id, article_id, parent_id, root_id, author_name, author_email, body, body_hash,
  status, version, created_at, decided_at, client_hash, language, engine_decision, verdict,
  rule_set_version, top_category, top_rule, severity)
VALUES (nextval('bench_insert_seq'), 'news-' || (:author % 10000), NULL, NULL, 'Читатель ' || :author,
  'reader' || :author || '@example.kg',
  substr('Курс рубля снова вырос, переводы родным стали дороже, а зарплаты остались прежними. Мэрия третий год обещает отремонтировать дорогу на Чуй, но дело так и не сдвинулось. Жители микрорайона просят построить новую школу: в классах по сорок детей. Эксперты считают, что тарифы на воду придётся пересмотреть уже весной. Спасибо журналистам, что следят за этим, иначе никто бы и не узнал. Курс рубля снова вырос, переводы родным стали дороже, а зарплаты остались прежними. Мэрия третий год обещает отремонтировать дорогу на Чуй, но дело так и не сдвинулось. Жители микрорайона просят построить новую школу: в классах по сорок детей. Эксперты считают, что тарифы на воду придётся пересмотреть уже весной. Спасибо журналистам, что следят за этим, иначе никто бы и не узнал. Курс рубля снова вырос, переводы родным стали дороже, а зарплаты остались прежними. Мэрия третий год обещает отремонтировать дорогу на Чуй, но дело так и не сдвинулось. Жители микрорайона просят построить новую школу: в классах по сорок детей. Эксперты считают, что тарифы на воду придётся пересмотреть уже весной. Спасибо журналистам, что следят за этим, иначе никто бы и не узнал. Курс рубля снова вырос, переводы родным стали дороже, а зарплаты остались прежними. Мэрия третий год обещает отремонтировать дорогу на Чуй, но дело так и не сдвинулось. Жители микрорайона просят построить новую школу: в классах по сорок детей. Эксперты считают, что тарифы на воду придётся пересмотреть уже весной. Спасибо журналистам, что следят за э', 1, :len) || ' ' || md5(random()::text),
  md5(random()::text) || md5(random()::text), 'APPROVED', 1, now(), NULL,
  md5(:author::text) || md5((:author * 3)::text), 'ru', 'APPROVE',
  '{"decision":"APPROVE","matches":[],"ruleSetVersion":"2026.11.26-2"}', '2026.11.26-2', NULL, NULL, 0);
