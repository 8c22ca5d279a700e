-- The dashboards' live events, kept for a short while (issue #10): every instance streams every
-- instance's events (a NOTIFY names the new row), and a dashboard that reconnects with
-- Last-Event-ID is sent what it missed. Ids come from one sequence, one at a time, so they follow
-- the order events were made in across instances (to within transactions still in flight).
CREATE SEQUENCE live_event_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE live_event (
  id      BIGINT PRIMARY KEY,
  at      TIMESTAMP WITH TIME ZONE NOT NULL,
  name    VARCHAR(32) NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX live_event_at ON live_event (at);
