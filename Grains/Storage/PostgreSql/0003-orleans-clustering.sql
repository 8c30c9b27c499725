-- Membership for Orleans' ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet), hub variant.
-- DeploymentId is the ClusterId. The version row is the membership table's ETag: every insert or update of a member
-- must present the current Version and bumps it in the same transaction, all or nothing.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text        NOT NULL PRIMARY KEY,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId text        NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- 1 when the member was added and the table version bumped, 0 (and no change) otherwise.
CREATE OR REPLACE FUNCTION hub_insert_membership(
    _DeploymentId text, _Address text, _Port integer, _Generation integer, _SiloName text, _HostName text,
    _Status integer, _ProxyPort integer, _StartTime timestamptz, _IAmAliveTime timestamptz, _Version integer)
    RETURNS integer
    LANGUAGE plpgsql
AS $body$
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = _DeploymentId AND Version = _Version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (_DeploymentId, _Address, _Port, _Generation, _SiloName, _HostName, _Status, _ProxyPort, _StartTime, _IAmAliveTime)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        -- Undo the version bump: the caller's transaction is the provider's single statement.
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'hub: member exists';
    END IF;

    RETURN 1;
EXCEPTION
    WHEN raise_exception THEN
        RETURN 0;
END
$body$;

-- 1 when the member was updated and the table version bumped, 0 (and no change) otherwise.
CREATE OR REPLACE FUNCTION hub_update_membership(
    _DeploymentId text, _Address text, _Port integer, _Generation integer, _Status integer,
    _SuspectTimes text, _IAmAliveTime timestamptz, _Version integer)
    RETURNS integer
    LANGUAGE plpgsql
AS $body$
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = _DeploymentId AND Version = _Version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipTable
    SET Status = _Status, SuspectTimes = _SuspectTimes, IAmAliveTime = _IAmAliveTime
    WHERE DeploymentId = _DeploymentId AND Address = _Address AND Port = _Port AND Generation = _Generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'hub: no such member';
    END IF;

    RETURN 1;
EXCEPTION
    WHEN raise_exception THEN
        RETURN 0;
END
$body$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'InsertMembershipVersionKey',
    'WITH added AS (
         INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
         ON CONFLICT DO NOTHING
         RETURNING 1)
     SELECT count(*)::integer FROM added;'
),
(
    'InsertMembershipKey',
    'SELECT hub_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);'
),
(
    'UpdateMembershipKey',
    'SELECT hub_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);'
),
(
    'UpdateIAmAlivetimeKey',
    'UPDATE OrleansMembershipTable
     SET IAmAliveTime = @IAmAliveTime
     WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;'
),
(
    'MembershipReadRowKey',
    'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
            m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
     FROM OrleansMembershipVersionTable v
     LEFT JOIN OrleansMembershipTable m
        ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
     WHERE v.DeploymentId = @DeploymentId;'
),
(
    'MembershipReadAllKey',
    'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
            m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
     FROM OrleansMembershipVersionTable v
     LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
     WHERE v.DeploymentId = @DeploymentId;'
),
(
    'GatewaysQueryKey',
    'SELECT Address, ProxyPort, Generation
     FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;'
),
(
    'DeleteMembershipTableEntriesKey',
    'DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
     DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'
),
(
    'CleanupDefunctSiloEntriesKey',
    'DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
