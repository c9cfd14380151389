-- Invoices (docs/decisions.md, entry 72).

-- The month an event is billed in: the month it occurred in, unless that month's invoice was
-- already issued when the event was written (a late event), then the month open at that time.
-- Writers take their organization's usage lock shared, the close of a month takes it exclusive:
-- an event is either seen by the close or written after it, in the next month; never lost.
alter table usage_events add column billing_month date;
update usage_events set billing_month = date_trunc('month', occurred_at at time zone 'UTC')::date;
alter table usage_events alter column billing_month set not null;
-- An act the client names (an answer asked with an Idempotency-Key) counts once, however often it
-- is retried.
alter table usage_events add column act_key varchar(240);
create unique index usage_events_act on usage_events (tenant_id, kind, act_key) where act_key is not null;
create index usage_events_billing on usage_events (tenant_id, billing_month, kind);

create table invoices (
    id             uuid           primary key,
    tenant_id      uuid           not null references organizations (id),
    period         date           not null check (extract(day from period) = 1),
    kind           varchar(20)    not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
    number         varchar(40)    not null unique,
    currency       char(3)        not null,
    subtotal       numeric(16, 2) not null,
    tax_rate       numeric(7, 4)  not null check (tax_rate >= 0),
    tax            numeric(16, 2) not null,
    total          numeric(16, 2) not null,
    -- a credit note names the invoice it corrects, and why
    corrects       uuid           references invoices (id),
    reason         varchar(500),
    issued_at      timestamptz    not null,
    -- SHA-256 of the invoice's CSV: recomputing the period must give these bytes again
    csv_sha256     char(64)       not null,
    check ((kind = 'CREDIT_NOTE') = (corrects is not null))
);
create unique index invoices_once on invoices (tenant_id, period, currency) where kind = 'INVOICE';
create index invoices_by_period on invoices (period, tenant_id);
create sequence invoice_numbers;
grant usage, select on sequence invoice_numbers to ${app_role};

create table invoice_lines (
    invoice_id   uuid           not null references invoices (id),
    line         integer        not null check (line > 0),
    plan         varchar(40),
    description  varchar(300)   not null,
    quantity     numeric(20, 6) not null,
    unit         varchar(20)    not null,
    unit_price   numeric(14, 6) not null,
    amount       numeric(16, 2) not null,
    primary key (invoice_id, line)
);

-- Issued is final: rows are never changed, and only an erasure's pseudonymization (entry 72) may
-- touch them, as the owner.
create function invoices_are_final() returns trigger language plpgsql as $$
begin
    raise exception 'invoices are final: % refused (a correction is a credit note)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger invoices_final before update or delete on invoices
    for each row execute function invoices_are_final();
create trigger invoice_lines_final before update or delete on invoice_lines
    for each row execute function invoices_are_final();
revoke update, delete, truncate on invoices, invoice_lines from ${app_role};

-- Every usage event takes its organization's usage lock shared and gets its billing month.
create or replace function usage_events_billed() returns trigger language plpgsql security definer
    set search_path = public as $$
declare
    occurred date := date_trunc('month', new.occurred_at at time zone 'UTC')::date;
    open_month date := date_trunc('month', clock_timestamp() at time zone 'UTC')::date;
begin
    perform pg_advisory_xact_lock_shared(hashtextextended('usage:' || new.tenant_id::text, 0));
    if exists (select 1 from invoices i where i.tenant_id = new.tenant_id and i.period = occurred and i.kind = 'INVOICE') then
        new.billing_month := greatest(open_month, (occurred + interval '1 month')::date);
    else
        new.billing_month := occurred;
    end if;
    return new;
end
$$;
create trigger usage_events_billed before insert on usage_events
    for each row execute function usage_events_billed();

-- The months' counts follow the billing month.
create or replace function usage_events_counted() returns trigger language plpgsql security definer
    set search_path = public as $$
begin
    insert into usage_months (tenant_id, month, kind, quantity)
    values (new.tenant_id, new.billing_month, new.kind, new.quantity)
    on conflict (tenant_id, month, kind) do update set quantity = usage_months.quantity + excluded.quantity;
    return null;
end
$$;
