-- Residents' opinions on open topics. Risky content is refused and never stored; content WeChat asks to review (or
-- that could not be checked) waits in the moderation queue; hidden opinions keep their row for the record but are
-- shown nowhere.
create table opinion (
    id             uuid primary key,
    topic_id       uuid        not null references topic (id),
    council_id     uuid        not null references council (id),
    author_account text        not null,
    content        text        not null,
    status         varchar(8)  not null check (status in ('VISIBLE', 'REVIEW', 'HIDDEN')),
    check_result   text        not null,
    check_trace    text,
    moderated_by   text,
    moderated_at   timestamptz,
    hidden_reason  text,
    created_at     timestamptz not null,
    check ((status = 'HIDDEN') = (hidden_reason is not null))
);
create index opinion_topic_idx on opinion (topic_id, status, created_at);
create index opinion_queue_idx on opinion (council_id, status, created_at);

-- One report per resident and opinion; a report puts a visible opinion in the moderators' queue until they decide.
create table opinion_report (
    opinion_id uuid        not null references opinion (id),
    account_id text        not null,
    reason     text        not null,
    created_at timestamptz not null,
    settled    boolean     not null default false,
    primary key (opinion_id, account_id)
);
