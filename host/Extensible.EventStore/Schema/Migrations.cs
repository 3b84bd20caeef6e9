namespace Extensible.EventStore.Schema;

/// <summary>The store's schema, as the list of changes that build it. Never edit a shipped migration: add one.</summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "event store tables", """
            create sequence {schema}.events_seq as bigint;

            create table {schema}.streams (
                tenant   text        not null,
                id       text        not null,
                type     text,
                version  bigint      not null default 0,
                created  timestamptz not null default now(),
                updated  timestamptz not null default now(),
                archived boolean     not null default false,
                primary key (tenant, id));

            create table {schema}.events (
                seq            bigint      primary key,
                id             uuid        not null unique,
                tenant         text        not null,
                stream_id      text        not null,
                version        bigint      not null,
                type           text        not null,
                data           jsonb       not null,
                timestamp      timestamptz not null default now(),
                correlation_id text,
                causation_id   text,
                user_name      text,
                headers        jsonb,
                constraint events_stream_version unique (tenant, stream_id, version));

            -- A tenant's (workspace's) events newest first: the audit trail, paged by keyset.
            create index events_tenant_seq on {schema}.events (tenant, seq);

            create table {schema}.progression (
                name              text        primary key,
                last_seq          bigint      not null default 0,
                updated           timestamptz not null default now(),
                rebuild_requested timestamptz,
                rebuild_target    bigint);

            -- Ranges of sequence numbers the high-water mark passed because no transaction could still commit them.
            create table {schema}.gaps (
                from_seq bigint      primary key,
                to_seq   bigint      not null,
                skipped  timestamptz not null default now());

            -- Events an async projection could not read or apply; the projection went on without them.
            create table {schema}.dead_letters (
                id         bigserial   primary key,
                projection text        not null,
                seq        bigint      not null,
                stream_id  text        not null,
                type       text        not null,
                error      text        not null,
                at         timestamptz not null default now(),
                unique (projection, seq));
            """),
        new(2, "quick append function", """
            -- Appends a batch to one or many streams in one call. Each stream row is upserted once, in id order so that
            -- concurrent multi-stream appends cannot deadlock: that locks it, checks the expected version and moves the
            -- version on. It writes, so the transaction has its id before any sequence number is taken (the high-water
            -- mark relies on that), and a loser raises before taking any. Retries of a stored batch fail here (version or
            -- unique id) and are recognised by the client, which keeps the check off the path of every append.
            create function {schema}.append_events(
                p_tenant text, p_streams text[], p_stream_types text[], p_expected bigint[], p_counts bigint[],
                p_ids uuid[], p_event_streams int[], p_types text[], p_data jsonb[],
                p_correlation text, p_causation text, p_user text, p_headers jsonb)
            returns table (out_seq bigint, out_version bigint, out_timestamp timestamptz)
            language plpgsql
            set plan_cache_mode = force_generic_plan
            as $fn$
            declare
                v_order int[];
                v_base  bigint[];
                v_from  bigint;
                v_seqs  bigint[];
                i       int;
            begin
                if array_length(p_streams, 1) = 1 then
                    v_order := '{1}';
                else
                    select array_agg(s.ord order by s.id) into v_order from unnest(p_streams) with ordinality as s(id, ord);
                end if;

                foreach i in array v_order loop
                    insert into {schema}.streams as s (tenant, id, type, version)
                         values (p_tenant, p_streams[i], p_stream_types[i], p_counts[i])
                    on conflict (tenant, id) do update set version = s.version + excluded.version, updated = now()
                         where not s.archived
                    returning s.version - p_counts[i] into v_from;
                    -- The stream id travels in COLUMN: clients redact DETAIL by default.
                    if not found then
                        raise exception using errcode = 'EXARC', message = format('stream %s is archived', p_streams[i]),
                            column = p_streams[i];
                    end if;
                    if p_expected[i] <> -1 and p_expected[i] <> v_from then
                        raise exception using errcode = 'EXCON',
                            message = format('stream %s expected at version %s but is at %s', p_streams[i], p_expected[i], v_from),
                            column = p_streams[i], hint = v_from::text;
                    end if;
                    v_base[i] := v_from;
                end loop;

                if array_length(p_ids, 1) = 1 then
                    return query
                        insert into {schema}.events as e
                            (seq, id, tenant, stream_id, version, type, data, correlation_id, causation_id, user_name, headers)
                        values (nextval('{schema}.events_seq'), p_ids[1], p_tenant, p_streams[1], v_base[1] + 1,
                                p_types[1], p_data[1], p_correlation, p_causation, p_user, p_headers)
                        returning e.seq, e.version, e.timestamp;
                    return;
                end if;

                select array_agg(n order by n) into v_seqs
                  from (select nextval('{schema}.events_seq') as n from generate_series(1, array_length(p_ids, 1))) as taken;

                return query
                    insert into {schema}.events as e
                        (seq, id, tenant, stream_id, version, type, data, correlation_id, causation_id, user_name, headers)
                    select v_seqs[u.ord], u.id, p_tenant, p_streams[u.si],
                           v_base[u.si] + row_number() over (partition by u.si order by u.ord),
                           u.type, u.data, p_correlation, p_causation, p_user, p_headers
                      from unnest(p_ids, p_event_streams, p_types, p_data) with ordinality as u(id, si, type, data, ord)
                    returning e.seq, e.version, e.timestamp;
            end
            $fn$;
            """),
    ];
}
