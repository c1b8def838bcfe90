-- pdpkit-jdbc schema for PostgreSQL (9.5 or later). Copy it into a Flyway or Liquibase migration as it is, or let
-- dev.pdpkit.jdbc.JdbcSchema.createSchemaIfMissing(dataSource) run it. Every statement is idempotent.

-- OAuth tokens, one pair per principal key. A row whose access_token is NULL holds no tokens: rows are emptied, not
-- deleted, so that the row a refresh locks (SELECT ... FOR UPDATE) stays there for the next refresh.
CREATE TABLE IF NOT EXISTS pdpkit_oauth_tokens (
    principal_key  VARCHAR(255) PRIMARY KEY,
    access_token   TEXT,
    refresh_token  TEXT,
    expires_at     TIMESTAMP WITH TIME ZONE,
    workspace_id   VARCHAR(255),
    scopes         TEXT,
    -- Id of the application key that encrypted access_token and refresh_token; NULL when they are stored in clear.
    key_id         VARCHAR(64),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Claims waiting for the user to come back from the authorization server, keyed by a SHA-256 of the browser
-- session's key. Taken exactly once (DELETE ... RETURNING); expired rows are purged as new claims are saved.
CREATE TABLE IF NOT EXISTS pdpkit_pending_claims (
    session_hash  VARCHAR(64) PRIMARY KEY,
    claim         TEXT NOT NULL,
    key_id        VARCHAR(64),
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS pdpkit_pending_claims_expires_at ON pdpkit_pending_claims (expires_at);

-- Claims already completed, so a replayed callback does nothing; rows are purged once their claim has expired.
CREATE TABLE IF NOT EXISTS pdpkit_claim_replay (
    claim_key   VARCHAR(128) PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS pdpkit_claim_replay_expires_at ON pdpkit_claim_replay (expires_at);
