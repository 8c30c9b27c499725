-- The table every Orleans ADO.NET provider reads its SQL from at start (by name: OrleansQuery, QueryKey, QueryText).
-- Later scripts upsert their queries here, so re-running any script replaces its queries with the current text.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
