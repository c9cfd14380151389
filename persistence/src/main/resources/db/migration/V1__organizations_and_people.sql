-- Organizations are tenants: their id partitions every tenant-owned row.
create table organizations (
    id          uuid primary key,
    slug        varchar(40)  not null,
    name        varchar(200) not null,
    plan        varchar(40)  not null,
    status      varchar(20)  not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    created_at  timestamptz  not null,
    constraint organizations_slug_key unique (slug),
    constraint organizations_slug_shape check (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$')
);

-- People mirror Keycloak membership; the tenant is part of every key and constraint.
create table people (
    id             uuid primary key,
    tenant_id      uuid         not null references organizations (id),
    subject        varchar(64)  not null,
    username       varchar(255) not null,
    email          varchar(320),
    role           varchar(40)  not null,
    first_seen_at  timestamptz  not null,
    last_seen_at   timestamptz  not null,
    constraint people_tenant_subject_key unique (tenant_id, subject)
);
create index people_tenant_idx on people (tenant_id);
