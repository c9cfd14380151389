-- The tenant's full-text index again (decision 69). V11's block took any error for a missing
-- btree_gin and went on; here only the extension's absence (no control file, no privilege, not
-- supported) is passed over, and any failure to build the index stops the migration. Where V11
-- already built it, this changes nothing; where btree_gin has come since, it builds it now.
do $$
begin
    begin
        create extension if not exists btree_gin;
    exception when undefined_file or insufficient_privilege or feature_not_supported then
        raise notice 'btree_gin is not available (%): full text is matched through the index over tsv alone', sqlerrm;
        return;
    end;
    if to_regclass('chunks_tenant_tsv') is null then
        create index chunks_tenant_tsv on chunks using gin (tenant_id, tsv);
    end if;
    drop index if exists chunks_tsv;
end
$$;
