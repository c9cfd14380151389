-- Ingestion (docs/decisions.md, entries 50-52): db-scheduler's job table, and the chunks the index holds.

-- db-scheduler (com.github.kagkarlsson:db-scheduler), its PostgreSQL table as the library defines it.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    state                text,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- What extraction had to say about a version (e.g. invalid UTF-8 bytes replaced), for its readers.
alter table document_versions add column notes varchar(1000) not null default '';

-- How a document version was cut: a chunk never spans pages; it knows its page (1-based), the
-- heading it sits under and, for table rows, the table's header line. embedded_text is what the
-- model read (heading and header line included); the full-text index reads the same.
create table chunks (
    tenant_id      uuid          not null,
    id             uuid          not null,
    document_id    uuid          not null references documents (id) on delete cascade,
    version        integer       not null,
    seq            integer       not null,
    page           integer       not null check (page > 0),
    heading        text,
    table_header   text,
    text           text          not null,
    embedded_text  text          not null,
    tokens         integer       not null,
    model          varchar(100)  not null,
    embedding      real[],
    tsv            tsvector      generated always as (to_tsvector('english', embedded_text)) stored,
    primary key (tenant_id, id)
) partition by hash (tenant_id);
create table chunks_p0 partition of chunks for values with (modulus 8, remainder 0);
create table chunks_p1 partition of chunks for values with (modulus 8, remainder 1);
create table chunks_p2 partition of chunks for values with (modulus 8, remainder 2);
create table chunks_p3 partition of chunks for values with (modulus 8, remainder 3);
create table chunks_p4 partition of chunks for values with (modulus 8, remainder 4);
create table chunks_p5 partition of chunks for values with (modulus 8, remainder 5);
create table chunks_p6 partition of chunks for values with (modulus 8, remainder 6);
create table chunks_p7 partition of chunks for values with (modulus 8, remainder 7);
create index chunks_tsv on chunks using gin (tsv);
create index chunks_of_version on chunks (tenant_id, document_id, version, seq);
create index chunks_to_embed on chunks (tenant_id, document_id, version, seq) where embedding is null;

