-- Documents first, then chunks: the order in which ingestion changes them (IngestionLedger), so an
-- instance of the previous release still at work during a rolling deployment cannot deadlock with
-- this migration.

-- Every change of a document takes a new number from one sequence (decision 70): the caches of
-- an organization's documents (search scope, vector index, answers) compare the count and a sum
-- of hashes of these numbers, read from an index, instead of hashing every document's columns on
-- every search (4-5 ms each at 1,000 documents). Numbers are taken without a lock, so concurrent
-- uploads and ingestion do not wait for each other.
create sequence document_changes;
alter table documents add column change_number bigint;
update documents set change_number = nextval('document_changes');
alter table documents
    alter column change_number set default nextval('document_changes'),
    alter column change_number set not null;

create function documents_change_number() returns trigger language plpgsql as $$
begin
    new.change_number := nextval('document_changes');
    return new;
end
$$;
create trigger documents_change_number before update on documents
    for each row execute function documents_change_number();

create index documents_changes on documents (tenant_id, change_number) include (ready_version);
grant usage, select on sequence document_changes to ${app_role};

-- Where a search reads a chunk's columns (decision 70). By default PostgreSQL moved every large
-- column of a chunk row out of line, tsv included, so ranking the 200 candidates of a question by
-- its words fetched and decompressed 200 values from the TOAST table (about 45 ms at 100k chunks).
-- The vector, read only when a tenant's vectors load and not compressible, goes out of line first
-- and uncompressed; the words (tsv) and the text a result shows stay in the row, compressed when
-- needed. Only rows written from now on are stored this way (a new version of a document);
-- docs/operations.md says how to rewrite older rows in a maintenance window.
alter table chunks
    alter column embedding set storage external,
    alter column tsv set storage main,
    alter column text set storage main;
