-- Account ids: one sequence shared by every app node, as task ids are. Accounts made before this migration got their
-- ids from a counter in the read store; the app moves this sequence past the highest of them when it starts.
CREATE SEQUENCE account_id_seq START WITH 1 INCREMENT BY 1;

-- The one read store (MongoDB database) this event store is served from. Accounts and read models live there, so two
-- nodes serving one event store from two read stores would hand out each other's accounts: a node whose read store
-- is another than the one recorded here, while that one is still in use (alive_until in the future), refuses to start.
-- One script for H2 2.x and PostgreSQL.
CREATE TABLE read_store_binding (
    id            INTEGER      PRIMARY KEY,
    read_store_id VARCHAR(64)  NOT NULL,
    -- where it is, for the operator's error message: never a connection string (it may hold credentials)
    description   VARCHAR(512) NOT NULL,
    -- epoch milliseconds until which the nodes using it have promised to renew the binding
    alive_until   BIGINT       NOT NULL,
    CONSTRAINT read_store_binding_single_row CHECK (id = 1)
);
