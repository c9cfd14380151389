-- A version keeps the name of the file it was uploaded as (docs/decisions.md, entry 64): an older
-- version is downloaded under its own name and extension, not the newest one's. Versions uploaded
-- before this have none; they are named after the document, as before.
alter table document_versions add column file_name varchar(255);
