-- KeyTriage store, version 1: the request log, its hourly spend roll-ups, and the audit trail.
-- Portable SQL (H2 2.x and PostgreSQL 15). Instants are epoch milliseconds (BIGINT): exact,
-- comparable and free of time-zone conversions on every database and driver.

CREATE TABLE kt_request_log (
  request_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
  ended_at_ms       BIGINT       NOT NULL,
  integrator        VARCHAR(200) NOT NULL,
  origin            VARCHAR(16)  NOT NULL,
  task_type         VARCHAR(200) NOT NULL,
  key_id            VARCHAR(200),
  attempts          INTEGER      NOT NULL,
  prompt_tokens     BIGINT       NOT NULL,
  completion_tokens BIGINT       NOT NULL,
  cost              DOUBLE PRECISION NOT NULL,
  latency_ms        BIGINT       NOT NULL,
  outcome           VARCHAR(64)  NOT NULL
);
CREATE INDEX kt_request_log_ended ON kt_request_log (ended_at_ms);
CREATE INDEX kt_request_log_task ON kt_request_log (task_type, ended_at_ms);
CREATE INDEX kt_request_log_key ON kt_request_log (key_id, ended_at_ms);
CREATE INDEX kt_request_log_integrator ON kt_request_log (integrator, ended_at_ms);

CREATE TABLE kt_spend_hour (
  hour_start_ms     BIGINT       NOT NULL,
  key_id            VARCHAR(200) NOT NULL,
  task_type         VARCHAR(200) NOT NULL,
  integrator        VARCHAR(200) NOT NULL,
  requests          BIGINT       NOT NULL,
  prompt_tokens     BIGINT       NOT NULL,
  completion_tokens BIGINT       NOT NULL,
  cost              DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (hour_start_ms, key_id, task_type, integrator)
);

CREATE TABLE kt_audit (
  seq           BIGINT        NOT NULL PRIMARY KEY,
  at_ms         BIGINT        NOT NULL,
  actor         VARCHAR(200)  NOT NULL,
  action        VARCHAR(100)  NOT NULL,
  target        VARCHAR(400)  NOT NULL,
  details       VARCHAR(16000) NOT NULL,
  previous_hash CHAR(64)      NOT NULL,
  hash          CHAR(64)      NOT NULL
);
CREATE INDEX kt_audit_at ON kt_audit (at_ms);

-- the chain's head: one row, locked by every append, so entries get one order on every node
CREATE TABLE kt_audit_head (
  id        INTEGER  NOT NULL PRIMARY KEY,
  last_seq  BIGINT   NOT NULL,
  last_hash CHAR(64) NOT NULL
);
INSERT INTO kt_audit_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
