-- Erasure (docs/decisions.md, entry 76): of a person (their name and e-mail leave every row; the audit
-- trail names them by pseudonym) and of an organization (every row and object goes; invoices stay,
-- pseudonymized, as long as the law requires; a report of what is left is kept).

-- Each erasure and its report. No foreign key: the record outlives the organization it erased.
create table erasures (
    id              uuid           primary key,
    kind            varchar(20)    not null check (kind in ('PERSON', 'ORGANIZATION')),
    tenant_id       uuid           not null,
    -- PERSON: the membership erased (its id is the person's pseudonym in the audit trail)
    person_id       uuid,
    status          varchar(20)    not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    step            varchar(40),
    requested_by    varchar(255)   not null,
    requested_at    timestamptz    not null,
    finished_at     timestamptz,
    -- ORGANIZATION: the Keycloak group and accounts it deletes and then checks are gone (opaque ids)
    keycloak_group  varchar(64),
    keycloak_users  text,
    failure         varchar(1000),
    report          text,
    report_sha256   char(64),
    verified_at     timestamptz,
    check ((kind = 'PERSON') = (person_id is not null))
);
create index erasures_by_tenant on erasures (tenant_id, requested_at desc);
create unique index erasures_one_organization on erasures (tenant_id) where kind = 'ORGANIZATION' and status <> 'FAILED';

-- A person's membership row becomes the tombstone of their pseudonym: no name, no e-mail.
alter table people drop constraint people_status_check;
alter table people add constraint people_status_check check (status in ('ACTIVE', 'REMOVED', 'ERASED'));

-- Invoices outlive the organization they bill (kept for the legal retention, pseudonymized).
alter table invoices drop constraint invoices_tenant_id_fkey;

-- The append-only and final tables give way to exactly one thing: an erasure of the organization the
-- row belongs to, run by the function below as the owner (the application holds no DELETE or UPDATE
-- on them; the setting is read only inside that function's transaction).
-- V2 revoked DELETE on the trail from its owner too; the erasure function runs as the owner.
grant delete on audit_events to current_user;

create or replace function audit_events_are_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_level = 'ROW'
            and current_setting('fincopilot.erasing', true) = old.tenant_id::text then
        return old;
    end if;
    raise exception 'audit events are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create or replace function audit_heads_only_advance() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        -- A chain starts only for the platform or an organization that exists: a job finishing after
        -- its organization was erased cannot start the chain again.
        if new.last_sequence = 0 and new.last_hash = repeat('0', 64)
                and (new.tenant_id = '00000000-0000-0000-0000-000000000000'
                     or exists (select 1 from organizations o where o.id = new.tenant_id)) then
            return new;
        end if;
    elsif tg_op = 'UPDATE' then
        if new.tenant_id = old.tenant_id and new.last_sequence = old.last_sequence + 1
                and exists (select 1 from audit_events e where e.tenant_id = new.tenant_id
                            and e.sequence = new.last_sequence and e.hash = new.last_hash) then
            return new;
        end if;
    elsif tg_op = 'DELETE' and current_setting('fincopilot.erasing', true) = old.tenant_id::text then
        return old;
    end if;
    raise exception 'audit chain heads only advance one appended event at a time: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create or replace function invoices_are_final() returns trigger language plpgsql as $$
declare
    erasing text := current_setting('fincopilot.erasing', true);
begin
    -- (nested: PL/pgSQL does not promise to stop at the first false operand of an AND)
    if erasing is not null and erasing <> '' then
        if tg_table_name = 'invoices' then
            if old.tenant_id::text = erasing then
                return case when tg_op = 'DELETE' then old else new end;
            end if;
        elsif tg_op = 'DELETE' then
            if exists (select 1 from invoices i where i.id = old.invoice_id and i.tenant_id::text = erasing) then
                return old;
            end if;
        end if;
    end if;
    raise exception 'invoices are final: % refused (a correction is a credit note)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

-- The tables holding an organization's rows: every table of the schema with a tenant_id column
-- (partitions through their parent), so a table added later is erased and checked without a change
-- here. Invoices are kept on purpose; an erasure's own record is the platform's.
create function organization_tables() returns setof text language sql stable set search_path = public as $$
    select c.table_name::text
    from information_schema.columns c
    join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and not k.relispartition
      and k.relkind in ('r', 'p') and c.table_name not in ('invoices', 'erasures')
    order by 1
$$;

-- What is left of an organization, table by table (only tables that still hold something), plus its
-- queued jobs, its rate-limit windows and the organization's own row.
create function organization_leftovers(p_tenant uuid) returns jsonb language plpgsql stable security definer
    set search_path = public as $$
declare
    t text;
    n bigint;
    found jsonb := '{}';
begin
    for t in select organization_tables() loop
        execute format('select count(*) from %I where tenant_id = $1', t) into n using p_tenant;
        if n > 0 then
            found := found || jsonb_build_object(t, n);
        end if;
    end loop;
    select count(*) into n from erasures where tenant_id = p_tenant and kind = 'PERSON';
    if n > 0 then
        found := found || jsonb_build_object('erasures', n);
    end if;
    select count(*) into n from organizations where id = p_tenant;
    if n > 0 then
        found := found || jsonb_build_object('organizations', n);
    end if;
    select count(*) into n from scheduled_tasks where task_instance like p_tenant::text || '/%';
    if n > 0 then
        found := found || jsonb_build_object('scheduled_tasks', n);
    end if;
    select count(*) into n from rate_limit_windows where bucket like '%' || p_tenant::text || '%';
    if n > 0 then
        found := found || jsonb_build_object('rate_limit_windows', n);
    end if;
    return found;
end;
$$;

-- Erases every row of a closed organization whose erasure is under way and recorded on the platform's
-- audit chain (so no chain disappears without a trace there), and pseudonymizes its invoices.
-- Answers how many rows went, table by table, and the last event of the organization's chain (which
-- the platform's chain then records). Safe to run again: a second run finds nothing.
create function erase_organization(p_tenant uuid) returns jsonb language plpgsql security definer
    set search_path = public as $$
declare
    t text;
    n bigint;
    erased jsonb := '{}';
    head_sequence bigint;
    head_hash text;
begin
    if not exists (select 1 from erasures where tenant_id = p_tenant and kind = 'ORGANIZATION' and status = 'RUNNING') then
        raise exception 'organization % has no erasure under way', p_tenant using errcode = 'check_violation';
    end if;
    if exists (select 1 from organizations where id = p_tenant and status <> 'CLOSED') then
        raise exception 'organization % is not closed', p_tenant using errcode = 'check_violation';
    end if;
    if not exists (select 1 from audit_events where tenant_id = '00000000-0000-0000-0000-000000000000'
                   and action = 'organization.erasure-started' and target = 'organization:' || p_tenant) then
        raise exception 'the erasure of organization % is not on the platform''s audit chain', p_tenant
            using errcode = 'check_violation';
    end if;
    select last_sequence, trim(last_hash) into head_sequence, head_hash from audit_heads where tenant_id = p_tenant
        for update;
    perform set_config('fincopilot.erasing', p_tenant::text, true);
    -- Jobs first (an ingestion step that runs on finds no version), then documents (with their
    -- versions and chunks; releasing them writes usage, which goes below).
    delete from scheduled_tasks where task_instance like p_tenant::text || '/%';
    get diagnostics n = row_count;
    erased := erased || jsonb_build_object('scheduled_tasks', n);
    delete from scheduled_tasks s using privacy_exports e
        where s.task_name = 'privacy-export' and s.task_instance = e.id::text and e.tenant_id = p_tenant;
    delete from documents where tenant_id = p_tenant;
    get diagnostics n = row_count;
    erased := erased || jsonb_build_object('documents', n);
    for t in select organization_tables() loop
        execute format('delete from %I where tenant_id = $1', t) using p_tenant;
        get diagnostics n = row_count;
        if n > 0 then
            erased := erased || jsonb_build_object(t, coalesce((erased ->> t)::bigint, 0) + n);
        end if;
    end loop;
    delete from erasures where tenant_id = p_tenant and kind = 'PERSON';
    delete from rate_limit_windows where bucket like '%' || p_tenant::text || '%';
    -- Invoices keep amounts and numbers only; a credit note's free-text reason may name someone.
    update invoices set reason = '(erased)' where tenant_id = p_tenant and reason is not null;
    delete from organizations where id = p_tenant;
    get diagnostics n = row_count;
    erased := erased || jsonb_build_object('organizations', n);
    return jsonb_build_object('rows', erased, 'chainSequence', coalesce(head_sequence, 0),
                              'chainHash', coalesce(head_hash, ''));
end;
$$;

-- An erased organization's invoices go once the legal retention has passed since the end of the month
-- they bill (credit notes with the invoice they correct). Only organizations that no longer exist.
create function expire_erased_invoices(p_tenant uuid, p_ended_before timestamptz) returns integer
    language plpgsql security definer set search_path = public as $$
declare
    expiring uuid[];
begin
    if exists (select 1 from organizations where id = p_tenant) then
        raise exception 'organization % is not erased', p_tenant using errcode = 'check_violation';
    end if;
    perform set_config('fincopilot.erasing', p_tenant::text, true);
    expiring := array(select i.id from invoices i where i.tenant_id = p_tenant
        and ((i.period + interval '1 month') <= p_ended_before
             or exists (select 1 from invoices o where o.id = i.corrects and (o.period + interval '1 month') <= p_ended_before)));
    delete from invoice_lines where invoice_id = any(expiring);
    delete from invoices where id = any(expiring) and corrects is not null;
    delete from invoices where id = any(expiring);
    return cardinality(expiring);
end;
$$;

revoke all on function erase_organization(uuid), expire_erased_invoices(uuid, timestamptz),
    organization_leftovers(uuid) from public;
grant execute on function erase_organization(uuid), expire_erased_invoices(uuid, timestamptz),
    organization_leftovers(uuid) to ${app_role};
