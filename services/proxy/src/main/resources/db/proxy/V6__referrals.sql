-- A request referred to legal aid or mediation: a link to the other capability (and, once it answers, the id
-- of the case it opened there), never a copy of the case.
create table proxy_referral (
    id          uuid primary key,
    request_id  uuid        not null references proxy_request (id),
    target      varchar(12) not null check (target in ('LEGAL_AID', 'MEDIATION')),
    reason      text        not null,
    target_ref  text,
    referred_by text        not null,
    referred_at timestamptz not null
);
create index proxy_referral_request_idx on proxy_referral (request_id);
