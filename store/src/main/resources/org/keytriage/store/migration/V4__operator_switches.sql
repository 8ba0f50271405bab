-- KeyTriage store, version 4: what operators switch at run time besides the key catalogue: a key
-- turned on or off, and the balancing strategy chosen for a task type. Both are applied again at
-- start, so a restart of every node keeps them.

CREATE TABLE kt_key_switch (
  key_id        VARCHAR(200) NOT NULL PRIMARY KEY,
  active        BOOLEAN      NOT NULL,
  updated_at_ms BIGINT       NOT NULL
);

CREATE TABLE kt_strategy_choice (
  task_type     VARCHAR(200) NOT NULL PRIMARY KEY,
  strategy      VARCHAR(200) NOT NULL,
  updated_at_ms BIGINT       NOT NULL
);
