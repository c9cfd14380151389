-- Privacy exports (docs/decisions.md, entry 73): a tenant admin asks for an archive of everything
-- the organization has; it is built in the background, kept in S3 for a limited time, and every
-- step is audited.
create table privacy_exports (
    id            uuid           primary key,
    tenant_id     uuid           not null references organizations (id),
    requested_by  varchar(255)   not null,
    status        varchar(20)    not null check (status in ('QUEUED', 'BUILDING', 'READY', 'FAILED', 'EXPIRED')),
    items_done    integer        not null default 0,
    items_total   integer,
    object_key    varchar(300),
    size_bytes    bigint,
    sha256        char(64),
    failure       varchar(1000),
    requested_at  timestamptz    not null,
    ready_at      timestamptz,
    expires_at    timestamptz
);
create index privacy_exports_by_tenant on privacy_exports (tenant_id, requested_at desc);
-- One export under way per organization at a time.
create unique index privacy_exports_one_at_a_time on privacy_exports (tenant_id) where status in ('QUEUED', 'BUILDING');
