-- Answers (docs/decisions.md, entry 58): a question answered is a usage event of its own, with the
-- provider and model that answered it and, for remote models, the tokens in and out.
alter table usage_events drop constraint usage_events_kind_check;
alter table usage_events add constraint usage_events_kind_check
    check (kind in ('BYTES_STORED', 'PAGES_INGESTED', 'QUESTION_ANSWERED', 'TOKENS_IN', 'TOKENS_OUT'));
alter table usage_events alter column document_id drop not null, alter column version drop not null;
alter table usage_events add column provider varchar(40), add column model varchar(100);
