-- Corrections to entries 71 and 72 found in review, before any invoice was issued with them.

-- A closed organization stops being billed the day it is closed: its plan assignments end with a
-- row without a plan, written by the database when the status becomes CLOSED.
alter table plan_assignments alter column plan drop not null;
create or replace function organizations_plan_assigned() returns trigger language plpgsql security definer
    set search_path = public as $$
begin
    if tg_op = 'INSERT' or new.plan is distinct from old.plan then
        insert into plan_assignments (tenant_id, valid_from, plan) values (new.id, clock_timestamp(), new.plan);
    end if;
    if tg_op = 'UPDATE' and new.status = 'CLOSED' and old.status <> 'CLOSED' then
        insert into plan_assignments (tenant_id, valid_from, plan) values (new.id, clock_timestamp(), null);
    end if;
    return null;
end
$$;
drop trigger organizations_plan_assigned on organizations;
create trigger organizations_plan_assigned after insert or update of plan, status on organizations
    for each row execute function organizations_plan_assigned();
insert into plan_assignments (tenant_id, valid_from, plan)
    select id, coalesce(status_changed_at, now()), null from organizations where status = 'CLOSED'
    on conflict do nothing;

-- The four plans of migration V2 had these terms before V14 recorded them: their first revision
-- applies from the beginning, so the month V14 is deployed in is billed from its first day.
update plan_revisions set valid_from = '1970-01-01T00:00:00Z'
    where revision = 1 and plan in ('free', 'starter', 'pro', 'enterprise');

-- Versions deleted before V14 wrote no BYTES_RELEASED: they are released on the day they were
-- stored (the day of their deletion is not known), so they are never billed as held.
insert into usage_events (id, tenant_id, kind, quantity, document_id, version, occurred_at)
    select gen_random_uuid(), s.tenant_id, 'BYTES_RELEASED', s.quantity, s.document_id, s.version, s.occurred_at
    from usage_events s
    where s.kind = 'BYTES_STORED'
      and not exists (select 1 from document_versions v
                      where v.tenant_id = s.tenant_id and v.document_id = s.document_id and v.version = s.version)
      and not exists (select 1 from usage_events r where r.tenant_id = s.tenant_id and r.kind = 'BYTES_RELEASED'
                      and r.document_id = s.document_id and r.version = s.version)
    on conflict do nothing;

-- An invoice is credited once, whoever asks at the same time.
create unique index invoices_credited_once on invoices (corrects) where kind = 'CREDIT_NOTE';

-- Invoice numbers are per organization (FC-<month>-<organization>-<currency>): a global sequence
-- told each customer how many invoices the platform issues.
drop sequence invoice_numbers;
