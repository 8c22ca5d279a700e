-- The learned layer (issue #14): trained versions of the model, one active at most, and the row
-- whose lock lets exactly one instance train at a time. Portable (PostgreSQL, H2).

CREATE TABLE learned_model (
  version            INTEGER PRIMARY KEY,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by         VARCHAR(80)  NOT NULL,
  approved_examples  INTEGER      NOT NULL,
  rejected_examples  INTEGER      NOT NULL,
  test_examples      INTEGER      NOT NULL,
  test_rejected      INTEGER      NOT NULL,
  test_held          INTEGER      NOT NULL,
  test_held_rejected INTEGER      NOT NULL,
  test_precision     DOUBLE PRECISION,
  test_recall        DOUBLE PRECISION,
  features           INTEGER      NOT NULL,
  threshold          DOUBLE PRECISION NOT NULL,
  active             BOOLEAN      NOT NULL DEFAULT FALSE,
  model              BYTEA        NOT NULL
);

-- SELECT ... FOR UPDATE SKIP LOCKED on this row: an instance that does not get it does not train
CREATE TABLE learned_training (
  id         INTEGER PRIMARY KEY,
  started_at TIMESTAMP WITH TIME ZONE,
  started_by VARCHAR(80)
);
INSERT INTO learned_training (id) VALUES (1);
