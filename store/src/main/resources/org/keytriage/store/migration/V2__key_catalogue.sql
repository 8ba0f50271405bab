-- KeyTriage store, version 2: the run-time key catalogue. A row overrides the configuration
-- file's key of the same id (the file seeds, operators' run-time changes persist); a retired key
-- keeps its row (retired_at_ms set, secret destroyed: NULL) so its history stays attributable; a
-- retired key of the file has no config of its own. The secret is never in clear: secret holds
-- AES-GCM ciphertext under the server's master key.

CREATE TABLE kt_key (
  key_id        VARCHAR(200)   NOT NULL PRIMARY KEY,
  config        VARCHAR(16000),
  secret        VARCHAR(4000),
  rotated_at_ms BIGINT,
  updated_at_ms BIGINT         NOT NULL,
  retired_at_ms BIGINT
);
