-- Answers (docs/decisions.md, entry 59): the platform's answer provider may be overridden per
-- organization (null: the platform's), and each organization's recent questions are kept for its
-- console's history (the question and who asked it; the answer is never stored).
alter table organizations add column answer_provider varchar(20)
    check (answer_provider in ('extractive', 'openai', 'anthropic'));

create table questions (
    id uuid primary key,
    tenant_id uuid not null references organizations (id),
    asked_by varchar(200) not null,
    question varchar(2000) not null,
    provider varchar(40) not null,
    abstained boolean not null,
    fallback boolean not null,
    asked_at timestamptz not null
);
create index questions_recent on questions (tenant_id, asked_at desc);
