-- A version that failed no longer holds its bytes: the same file may be uploaded again (after an
-- outage that failed it, or once the plan allows more pages), as a new document or a new version.
drop index document_versions_same_bytes;
create unique index document_versions_same_bytes on document_versions (tenant_id, sha256) where status <> 'FAILED';
