-- Grain state for Orleans' ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet), hub variant.
--
-- Differences from the stock PostgreSQL script, all within the provider's contract (parameter names, result
-- column names and types unchanged):
--   * a UNIQUE index on the storage identity (NULLS NOT DISTINCT, PostgreSQL 15+), so two racing first writes can
--     never both insert: the loser's INSERT ... ON CONFLICT DO NOTHING inserts nothing and returns no version,
--     which the provider turns into InconsistentStateException;
--   * ModifiedOn is timestamptz;
--   * text columns, so long string keys fit (a b-tree entry still has to stay under about 2.7 kB);
--   * no DeleteStorageKey: the hub runs with DeleteStateOnClear = false (a clear keeps the row, payload NULL,
--     version bumped, so ETags only ever increase).
--
-- Identity: ServiceId + GrainTypeString (the *state name*, not the grain class) + GrainIdN0/N1 + hashes + the
-- string key. Grain classes sharing a state name and key share a row, and all-hex string keys are read as
-- integers ("020235" and "20235" are the same row), which is why hub state names are unique per grain class and
-- hub string keys carry a non-hex prefix.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer     NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Identity
    ON OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainTypeHash, GrainIdHash, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- Returns one row: the new version, or NULL when nothing was written (stale ETag, or a first write that lost
-- to another). The provider treats NULL or an unchanged version as a conflict.
CREATE OR REPLACE FUNCTION hub_write_grain_state(
    _GrainIdHash integer,
    _GrainIdN0 bigint,
    _GrainIdN1 bigint,
    _GrainTypeHash integer,
    _GrainTypeString text,
    _GrainIdExtensionString text,
    _ServiceId text,
    _GrainStateVersion integer,
    _PayloadBinary bytea)
    RETURNS TABLE (NewGrainStateVersion integer)
    LANGUAGE plpgsql
AS $body$
DECLARE
    _newVersion integer;
BEGIN
    IF _GrainStateVersion IS NULL THEN
        INSERT INTO OrleansStorage AS s
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
             ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (_GrainIdHash, _GrainIdN0, _GrainIdN1, _GrainTypeHash, _GrainTypeString, _GrainIdExtensionString,
             _ServiceId, _PayloadBinary, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING s.Version INTO _newVersion;
    ELSE
        UPDATE OrleansStorage AS s
        SET PayloadBinary = _PayloadBinary,
            ModifiedOn = now(),
            Version = s.Version + 1
        WHERE s.ServiceId = _ServiceId
          AND s.GrainTypeString = _GrainTypeString
          AND s.GrainIdN0 = _GrainIdN0
          AND s.GrainIdN1 = _GrainIdN1
          AND s.GrainTypeHash = _GrainTypeHash
          AND s.GrainIdHash = _GrainIdHash
          AND s.GrainIdExtensionString IS NOT DISTINCT FROM _GrainIdExtensionString
          AND s.Version = _GrainStateVersion
        RETURNING s.Version INTO _newVersion;
    END IF;

    RETURN QUERY SELECT _newVersion;
END
$body$;

-- Clear: payload NULL and version + 1, only when the ETag matches. Returns the new version, or NULL on a conflict.
CREATE OR REPLACE FUNCTION hub_clear_grain_state(
    _GrainIdHash integer,
    _GrainIdN0 bigint,
    _GrainIdN1 bigint,
    _GrainTypeHash integer,
    _GrainTypeString text,
    _GrainIdExtensionString text,
    _ServiceId text,
    _GrainStateVersion integer)
    RETURNS TABLE (NewGrainStateVersion integer)
    LANGUAGE plpgsql
AS $body$
DECLARE
    _newVersion integer;
BEGIN
    UPDATE OrleansStorage AS s
    SET PayloadBinary = NULL,
        ModifiedOn = now(),
        Version = s.Version + 1
    WHERE s.ServiceId = _ServiceId
      AND s.GrainTypeString = _GrainTypeString
      AND s.GrainIdN0 = _GrainIdN0
      AND s.GrainIdN1 = _GrainIdN1
      AND s.GrainTypeHash = _GrainTypeHash
      AND s.GrainIdHash = _GrainIdHash
      AND s.GrainIdExtensionString IS NOT DISTINCT FROM _GrainIdExtensionString
      AND s.Version = _GrainStateVersion
    RETURNING s.Version INTO _newVersion;

    RETURN QUERY SELECT _newVersion;
END
$body$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'WriteToStorageKey',
    'SELECT NewGrainStateVersion FROM hub_write_grain_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);'
),
(
    'ReadFromStorageKey',
    'SELECT PayloadBinary, Version
     FROM OrleansStorage
     WHERE ServiceId = @ServiceId
       AND GrainTypeString = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdHash = @GrainIdHash
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;'
),
(
    'ClearStorageKey',
    'SELECT NewGrainStateVersion FROM hub_clear_grain_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion);'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
