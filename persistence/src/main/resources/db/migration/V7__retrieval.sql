-- Retrieval (docs/decisions.md, entries 55-58).

-- What a document is, detected from its first pages when a version becomes ready, and editable by
-- people (profile_edited: a person's values are kept when a later version is read).
alter table documents
    add column company        varchar(200),
    add column ticker         varchar(12),
    add column form           varchar(20),
    add column fiscal_year    integer,
    add column fiscal_quarter integer check (fiscal_quarter between 1 and 4),
    add column period_end     date,
    add column profile_edited boolean not null default false;
create index documents_ready on documents (tenant_id) where ready_version is not null;

-- The kind of page a chunk sits on (income statement, balance sheet, cash flow, equity, notes,
-- cover, contents, other): questions that name a statement or a line item prefer its pages.
alter table chunks add column page_kind varchar(20) not null default 'OTHER';

-- Full-text and vector queries read only the chunks of a document's ready version.
create index chunks_by_document on chunks (tenant_id, document_id, version);

-- pgvector where the extension can be created (production on RDS): a vector copy of every
-- embedding, kept by PostgreSQL itself, with an HNSW index for cosine distance. Without it the
-- platform searches with its built-in index (decision 56), and this block changes nothing.
do $$
begin
    create extension if not exists vector;
    execute 'alter table chunks add column embedding_v vector(384) '
        || 'generated always as (case when cardinality(embedding) = 384 then embedding::vector(384) end) stored';
    execute 'create index chunks_embedding_hnsw on chunks using hnsw (embedding_v vector_cosine_ops)';
exception when others then
    raise notice 'pgvector is not available (%): vectors are searched by the built-in index', sqlerrm;
end
$$;
