-- Plans, quotas and what a month used (docs/decisions.md, entry 71).

-- A plan's terms. Money is numeric in the plan's ISO 4217 currency, never floating point: the
-- monthly price in the currency's minor units' precision, unit prices to six decimals. Storage is
-- included in GB-months (1 GB = 10^9 bytes held for a whole month). A hard plan refuses an act
-- that would go past what it includes (402); a plan that allows overage bills it per unit.
alter table plans
    add column monthly_price                  numeric(14, 2),
    add column included_pages                 bigint         not null default 0 check (included_pages >= 0),
    add column included_questions             bigint         not null default 0 check (included_questions >= 0),
    add column included_storage_gb            numeric(12, 3) not null default 0 check (included_storage_gb >= 0),
    add column overage_page_price             numeric(14, 6) not null default 0 check (overage_page_price >= 0),
    add column overage_question_price         numeric(14, 6) not null default 0 check (overage_question_price >= 0),
    add column overage_storage_gb_month_price numeric(14, 6) not null default 0
        check (overage_storage_gb_month_price >= 0),
    add column overage_allowed                boolean        not null default false,
    add column updated_at                     timestamptz;
update plans set monthly_price = monthly_price_cents / 100.0, updated_at = now();
update plans set included_pages = 200, included_questions = 100, included_storage_gb = 1,
    overage_allowed = false where code = 'free';
update plans set included_pages = 2000, included_questions = 2000, included_storage_gb = 10,
    overage_page_price = 0.05, overage_question_price = 0.02, overage_storage_gb_month_price = 0.25,
    overage_allowed = true where code = 'starter';
update plans set included_pages = 20000, included_questions = 20000, included_storage_gb = 100,
    overage_page_price = 0.03, overage_question_price = 0.01, overage_storage_gb_month_price = 0.20,
    overage_allowed = true where code = 'pro';
update plans set included_pages = 200000, included_questions = 200000, included_storage_gb = 1000,
    overage_page_price = 0.02, overage_question_price = 0.005, overage_storage_gb_month_price = 0.15,
    overage_allowed = true where code = 'enterprise';
alter table plans alter column monthly_price set not null,
    add constraint plans_monthly_price_check check (monthly_price >= 0),
    add constraint plans_currency_check check (currency ~ '^[A-Z]{3}$'),
    add constraint plans_code_check check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$');
-- The cents column stays for the previous release during a rolling deployment; nothing writes it.
alter table plans alter column monthly_price_cents drop not null;
grant insert, update (name, monthly_price, currency, rate_limit_per_minute, max_upload_bytes, max_pages_per_document,
    included_pages, included_questions, included_storage_gb, overage_page_price, overage_question_price,
    overage_storage_gb_month_price, overage_allowed, updated_at) on plans to ${app_role};

-- Every version of every plan's terms, written by the database itself: an invoice of a closed month
-- is computed from the terms that applied then, however the plan was edited since.
create table plan_revisions (
    plan                           varchar(40)    not null references plans (code),
    revision                       integer        not null check (revision > 0),
    valid_from                     timestamptz    not null,
    name                           varchar(100)   not null,
    monthly_price                  numeric(14, 2) not null,
    currency                       char(3)        not null,
    rate_limit_per_minute          integer        not null,
    max_upload_bytes               bigint         not null,
    max_pages_per_document         integer        not null,
    included_pages                 bigint         not null,
    included_questions             bigint         not null,
    included_storage_gb            numeric(12, 3) not null,
    overage_page_price             numeric(14, 6) not null,
    overage_question_price         numeric(14, 6) not null,
    overage_storage_gb_month_price numeric(14, 6) not null,
    overage_allowed                boolean        not null,
    primary key (plan, revision)
);
create function plans_revised() returns trigger language plpgsql security definer set search_path = public as $$
begin
    insert into plan_revisions select new.code,
        coalesce((select max(revision) from plan_revisions where plan = new.code), 0) + 1, clock_timestamp(),
        new.name, new.monthly_price, new.currency, new.rate_limit_per_minute, new.max_upload_bytes,
        new.max_pages_per_document, new.included_pages, new.included_questions, new.included_storage_gb,
        new.overage_page_price, new.overage_question_price, new.overage_storage_gb_month_price, new.overage_allowed;
    return null;
end
$$;
create trigger plans_revised after insert or update on plans for each row execute function plans_revised();
insert into plan_revisions select code, 1, now(), name, monthly_price, currency, rate_limit_per_minute,
    max_upload_bytes, max_pages_per_document, included_pages, included_questions, included_storage_gb,
    overage_page_price, overage_question_price, overage_storage_gb_month_price, overage_allowed from plans;
revoke insert, update, delete on plan_revisions from ${app_role};
grant select on plan_revisions to ${app_role};

-- Which plan an organization was on, from when: a month's invoice shows each plan for its days.
-- Written by the database whenever an organization is made or its plan changes.
create table plan_assignments (
    tenant_id   uuid         not null references organizations (id),
    valid_from  timestamptz  not null,
    plan        varchar(40)  not null references plans (code),
    primary key (tenant_id, valid_from)
);
create function organizations_plan_assigned() returns trigger language plpgsql security definer
    set search_path = public as $$
begin
    if tg_op = 'INSERT' or new.plan is distinct from old.plan then
        insert into plan_assignments (tenant_id, valid_from, plan) values (new.id, clock_timestamp(), new.plan);
    end if;
    return null;
end
$$;
create trigger organizations_plan_assigned after insert or update of plan on organizations
    for each row execute function organizations_plan_assigned();
insert into plan_assignments (tenant_id, valid_from, plan) select id, created_at, plan from organizations;
revoke insert, update, delete on plan_assignments from ${app_role};
grant select on plan_assignments to ${app_role};

-- Storage is metered in byte-days from the versions actually held: a version counts from the day
-- it was stored (BYTES_STORED) to the day it is deleted (BYTES_RELEASED, written here by the
-- database for every way a confirmed version's row goes).
alter table usage_events drop constraint usage_events_kind_check;
alter table usage_events add constraint usage_events_kind_check check (kind in
    ('BYTES_STORED', 'BYTES_RELEASED', 'PAGES_INGESTED', 'QUESTION_ANSWERED', 'TOKENS_IN', 'TOKENS_OUT'));
create function document_versions_released() returns trigger language plpgsql as $$
begin
    if old.status <> 'UPLOADING' then
        insert into usage_events (id, tenant_id, kind, quantity, document_id, version, occurred_at)
        values (gen_random_uuid(), old.tenant_id, 'BYTES_RELEASED', old.size_bytes, old.document_id, old.version,
                clock_timestamp())
        on conflict do nothing;
    end if;
    return null;
end
$$;
create trigger document_versions_released after delete on document_versions
    for each row execute function document_versions_released();

-- What each organization used each month (UTC), kept by the database as events are written: a
-- quota check is one row read, not a count over the month's events.
create table usage_months (
    tenant_id  uuid         not null references organizations (id),
    month      date         not null check (extract(day from month) = 1),
    kind       varchar(40)  not null,
    quantity   bigint       not null check (quantity >= 0),
    primary key (tenant_id, month, kind)
);
create function usage_events_counted() returns trigger language plpgsql security definer
    set search_path = public as $$
begin
    insert into usage_months (tenant_id, month, kind, quantity)
    values (new.tenant_id, date_trunc('month', new.occurred_at at time zone 'UTC')::date, new.kind, new.quantity)
    on conflict (tenant_id, month, kind) do update set quantity = usage_months.quantity + excluded.quantity;
    return null;
end
$$;
create trigger usage_events_counted after insert on usage_events
    for each row execute function usage_events_counted();
insert into usage_months (tenant_id, month, kind, quantity)
    select tenant_id, date_trunc('month', occurred_at at time zone 'UTC')::date, kind, sum(quantity)
    from usage_events group by 1, 2, 3;
-- Only the trigger writes the counts: the application reads them.
revoke insert, update, delete on usage_months from ${app_role};
grant select on usage_months to ${app_role};
