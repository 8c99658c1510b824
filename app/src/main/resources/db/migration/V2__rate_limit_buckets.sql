-- Rate-limit buckets of Bucket4j's PostgreSQL backend, shared by every app node. Created on H2 as well so that one
-- script serves both; the embedded single-node run keeps its buckets in memory and leaves this table empty.

CREATE TABLE rate_limit_buckets (
    id         VARCHAR(255) PRIMARY KEY,
    state      BYTEA,
    -- epoch milliseconds at which the bucket will have refilled completely; rows past it are deleted
    expires_at BIGINT
);

CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
