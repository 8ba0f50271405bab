-- KeyTriage store, version 3: integrator tokens created at run time. Only the token's SHA-256 is
-- kept; the token itself is shown once, when it is created. A revoked token keeps its row.
-- updated_at_ms changes with every create and revoke (not with last_used_at_ms), so nodes notice
-- each other's changes by reading MAX(updated_at_ms).

CREATE TABLE kt_integrator_token (
  id              VARCHAR(64)   NOT NULL PRIMARY KEY,
  name            VARCHAR(200)  NOT NULL,
  task_types      VARCHAR(4000) NOT NULL,
  token_sha256    CHAR(64)      NOT NULL UNIQUE,
  created_at_ms   BIGINT        NOT NULL,
  created_by      VARCHAR(200)  NOT NULL,
  expires_at_ms   BIGINT,
  last_used_at_ms BIGINT,
  revoked_at_ms   BIGINT,
  updated_at_ms   BIGINT        NOT NULL
);
