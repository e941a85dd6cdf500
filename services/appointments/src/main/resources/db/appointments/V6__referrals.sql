-- Cases referred from other capabilities (a proxy request, later a council topic) to legal aid or mediation.
-- A referral links to its source by id; the resident's details stay with the source and are not copied here.
create table referral (
    id                 uuid primary key,
    source             text        not null check (source in ('PROXY_REQUEST')),
    source_id          uuid        not null,
    source_event_id    uuid        not null unique,
    target             text        not null check (target in ('LEGAL_AID', 'MEDIATION')),
    region_code        text        not null,
    item_code          text,
    citizen_account_id text,
    status             text        not null check (status in ('OPEN', 'TAKEN', 'CLOSED')),
    received_at        timestamptz not null,
    taken_by           text,
    taken_at           timestamptz,
    closed_at          timestamptz,
    outcome            text
);
create index referral_open_by_region_idx on referral (region_code text_pattern_ops, received_at) where status <> 'CLOSED';
