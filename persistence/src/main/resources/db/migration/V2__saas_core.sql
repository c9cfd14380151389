-- Plans: what an organization pays for and may use. Billing extends this table later.
create table plans (
    code                    varchar(40)  primary key,
    name                    varchar(100) not null,
    monthly_price_cents     bigint       not null check (monthly_price_cents >= 0),
    currency                char(3)      not null default 'USD',
    rate_limit_per_minute   integer      not null check (rate_limit_per_minute > 0),
    max_upload_bytes        bigint       not null check (max_upload_bytes > 0)
);
insert into plans (code, name, monthly_price_cents, rate_limit_per_minute, max_upload_bytes) values
    ('free',       'Free',           0,    60,   10485760),
    ('starter',    'Starter',     4900,   300,   26214400),
    ('pro',        'Pro',        29900,  1200,  104857600),
    ('enterprise', 'Enterprise', 199900, 6000,  524288000);

alter table organizations add constraint organizations_plan_fkey foreign key (plan) references plans (code);
alter table organizations add column keycloak_group_id varchar(64);
alter table organizations add column status_changed_at timestamptz;

-- People: the mirror says who is a member now and in which role; it is what every request checks.
alter table people add column keycloak_user_id varchar(64);
alter table people add column role_changed_at timestamptz;
alter table people add column status varchar(20) not null default 'ACTIVE'
    check (status in ('ACTIVE', 'REMOVED'));
alter table people add constraint people_role_check check (role in ('tenant-admin', 'analyst', 'viewer', 'none'));

-- API keys: only the SHA-256 of the secret is kept; the prefix finds the key and names it in logs.
create table api_keys (
    id                     uuid         primary key,
    tenant_id              uuid         not null references organizations (id),
    prefix                 varchar(16)  not null,
    secret_hash            char(64)     not null,
    name                   varchar(100) not null,
    scopes                 varchar(400) not null,
    ip_allow_list          varchar(2000),
    rate_limit_per_minute  integer      check (rate_limit_per_minute > 0),
    created_at             timestamptz  not null,
    created_by             varchar(255) not null,
    expires_at             timestamptz,
    last_used_at           timestamptz,
    revoked_at             timestamptz,
    revoked_by             varchar(255),
    constraint api_keys_prefix_key unique (prefix)
);
create index api_keys_tenant_idx on api_keys (tenant_id, created_at);

-- Rate limits: fixed one-minute windows shared by every instance through PostgreSQL.
create table rate_limit_windows (
    bucket        varchar(80)  not null,
    window_start  timestamptz  not null,
    hits          integer      not null,
    primary key (bucket, window_start)
);

-- The audit trail: one hash chain per tenant (the nil UUID is the platform's own chain).
-- hash = SHA-256(prev_hash || canonical event); sequences have no gaps; rows are never changed.
create table audit_events (
    tenant_id    uuid          not null,
    sequence     bigint        not null check (sequence > 0),
    occurred_at  timestamptz   not null,
    actor        varchar(255)  not null,
    actor_type   varchar(20)   not null,
    action       varchar(80)   not null,
    target       varchar(255),
    source_ip    varchar(64),
    outcome      varchar(20)   not null,
    details      text          not null,
    prev_hash    char(64)      not null,
    hash         char(64)      not null,
    primary key (tenant_id, sequence)
) partition by hash (tenant_id);
create table audit_events_p0 partition of audit_events for values with (modulus 4, remainder 0);
create table audit_events_p1 partition of audit_events for values with (modulus 4, remainder 1);
create table audit_events_p2 partition of audit_events for values with (modulus 4, remainder 2);
create table audit_events_p3 partition of audit_events for values with (modulus 4, remainder 3);
create index audit_events_time_idx on audit_events (tenant_id, occurred_at);

-- The head of each chain: locking its row serializes appends per tenant.
create table audit_heads (
    tenant_id      uuid      primary key,
    last_sequence  bigint    not null,
    last_hash      char(64)  not null
);

create function audit_events_are_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit events are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_are_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_are_append_only();
revoke update, delete, truncate on audit_events from public;
revoke update, delete, truncate on audit_events from current_user;
revoke update, delete, truncate on audit_events_p0, audit_events_p1, audit_events_p2, audit_events_p3 from current_user;
