-- Two roles (docs/decisions.md, entry 28): these migrations run as the schema's owner; the
-- application runs as ${app_role}, which owns nothing and gets only what it uses. ${app_role} is
-- the role the application's JDBC pool connects as (a Flyway placeholder set by SchemaMigrations).
revoke create on schema public from public;
grant usage on schema public to ${app_role};

-- Ordinary tables: read and write rows, nothing else (no TRUNCATE, no TRIGGER, no REFERENCES).
-- Tables that later migrations create get the same by default; an append-only table must say
-- otherwise in its own migration, as the audit tables do below.
grant select, insert, update, delete on organizations, people, api_keys, rate_limit_windows to ${app_role};
grant select on plans to ${app_role};
-- Reading the migration history lets an instance without owner credentials validate the schema.
grant select on ${flyway:table} to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- The audit trail: the application appends and reads through the parent table only. It has no
-- privilege on the partitions themselves (a new partition must revoke what the defaults grant).
grant select, insert on audit_events to ${app_role};

-- Each link is now an HMAC-SHA256 under a key the database does not hold; key_id names it, so keys
-- can rotate. Events written before carry 'sha256-legacy' (plain SHA-256), which verification
-- accepts only where a signed digest vouches for it. A constant default adds the column without
-- rewriting (or updating) a single row.
alter table audit_events add column key_id varchar(40) not null default 'sha256-legacy';
alter table audit_events alter column key_id drop default;

-- A chain's head may only start at zero and move forward one event at a time, onto an event that
-- exists with that hash: the application cannot move it back, drop it or point it elsewhere. Only
-- the owner or a superuser can get round this, and the signed digests catch them.
grant select, insert on audit_heads to ${app_role};
grant update (last_sequence, last_hash) on audit_heads to ${app_role};

create function audit_heads_only_advance() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.last_sequence = 0 and new.last_hash = repeat('0', 64) then
            return new;
        end if;
    elsif tg_op = 'UPDATE' then
        if new.tenant_id = old.tenant_id and new.last_sequence = old.last_sequence + 1
                and exists (select 1 from audit_events e where e.tenant_id = new.tenant_id
                            and e.sequence = new.last_sequence and e.hash = new.last_hash) then
            return new;
        end if;
    end if;
    raise exception 'audit chain heads only advance one appended event at a time: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_heads_advance_only before insert or update or delete on audit_heads
    for each row execute function audit_heads_only_advance();
create trigger audit_heads_no_truncate before truncate on audit_heads
    for each statement execute function audit_events_are_append_only();
