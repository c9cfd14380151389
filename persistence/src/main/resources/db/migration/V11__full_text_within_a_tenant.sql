-- Full-text search within one tenant (decision 69): a GIN index over (tenant_id, tsv), so that the
-- words of a question are matched among the tenant's own chunks. With a GIN index over tsv alone,
-- PostgreSQL matched the words among every tenant's chunks in the partition and then intersected
-- with the tenant's rows: a tenant's search grew with the size of the platform (30-40 ms against
-- 1-4 ms for the same query on a test database of 2.4 million chunks). btree_gin is a trusted
-- extension (PostgreSQL 13 and later; RDS has it), so the database owner may create it; where it
-- cannot be created, the index over tsv alone stays and search works as before, only slower.
do $$
begin
    create extension if not exists btree_gin;
    create index chunks_tenant_tsv on chunks using gin (tenant_id, tsv);
    drop index chunks_tsv;
exception when others then
    raise notice 'btree_gin is not available (%): full text is matched through the index over tsv alone', sqlerrm;
end
$$;
