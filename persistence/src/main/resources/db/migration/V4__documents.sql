-- Documents (docs/decisions.md, entries 47-49). A document is what a tenant uploaded under one
-- title; each upload of its bytes is a version, stored as one S3 object
-- (tenants/<tenant>/documents/<id>/<version>). A version's row is written before its object
-- ('uploading') and confirmed after it ('queued'): an acknowledged document always has its object,
-- and the reaper removes objects whose row never got confirmed.

-- The page limit per document is the plan's, like the upload size.
alter table plans add column max_pages_per_document integer not null default 500
    check (max_pages_per_document > 0);
update plans set max_pages_per_document = case code
    when 'free' then 100 when 'starter' then 300 when 'pro' then 1000 else 5000 end;

create table documents (
    id              uuid         primary key,
    tenant_id       uuid         not null references organizations (id),
    title           varchar(300) not null,
    file_name       varchar(255) not null,
    -- ',tag,tag,' so that one tag is found with a plain LIKE; at most 20 tags of [a-z0-9._-]
    tags            varchar(900) not null default ',',
    latest_version  integer      not null check (latest_version > 0),
    -- the version answers come from: moves to a new version only once that version is ready
    ready_version   integer,
    created_at      timestamptz  not null,
    created_by      varchar(200) not null,
    updated_at      timestamptz  not null
);
create index documents_by_tenant on documents (tenant_id, created_at desc);

create table document_versions (
    id              uuid          primary key,
    tenant_id       uuid          not null references organizations (id),
    document_id     uuid          not null references documents (id) on delete cascade,
    version         integer       not null check (version > 0),
    status          varchar(20)   not null
        check (status in ('UPLOADING', 'QUEUED', 'PROCESSING', 'READY', 'FAILED')),
    media_type      varchar(100)  not null,
    size_bytes      bigint        not null check (size_bytes >= 0),
    sha256          char(64)      not null,
    object_key      varchar(300)  not null,
    object_version  varchar(300),
    pages_total     integer,
    pages_done      integer       not null default 0,
    failure_code    varchar(60),
    failure_reason  varchar(1000),
    -- masked PII items by kind, as 'email=2,phone=1'
    pii_counts      varchar(500)  not null default '',
    created_at      timestamptz   not null,
    created_by      varchar(200)  not null,
    finished_at     timestamptz,
    unique (document_id, version)
);
-- The same bytes are held once per tenant: a second upload is told which document has them.
create unique index document_versions_same_bytes on document_versions (tenant_id, sha256);
create index document_versions_unconfirmed on document_versions (created_at) where status = 'UPLOADING';

-- Idempotency-Key of uploads: the first answer (status, document, version), replayed for 24 hours
-- to a retry with the same bytes.
create table idempotency_keys (
    tenant_id       uuid          not null references organizations (id),
    idempotency_key varchar(200)  not null,
    sha256          char(64)      not null,
    -- null while the first request is still running
    status_code     integer,
    document_id     uuid,
    version         integer,
    created_at      timestamptz   not null,
    primary key (tenant_id, idempotency_key)
);
create index idempotency_keys_by_age on idempotency_keys (created_at);

-- What a tenant used, once per act; the billing issue reads it.
create table usage_events (
    id              uuid          primary key,
    tenant_id       uuid          not null references organizations (id),
    kind            varchar(40)   not null check (kind in ('BYTES_STORED', 'PAGES_INGESTED')),
    quantity        bigint        not null check (quantity >= 0),
    document_id     uuid          not null,
    version         integer       not null,
    occurred_at     timestamptz   not null,
    unique (tenant_id, kind, document_id, version)
);
create index usage_events_by_tenant on usage_events (tenant_id, occurred_at);
