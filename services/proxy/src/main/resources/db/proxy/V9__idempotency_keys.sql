-- A client that got no answer to a write (a timeout, a dropped connection, a gateway that gave up) repeats it with the
-- same Idempotency-Key header: the first outcome is answered again instead of a second request or referral being
-- made. One row per caller, kind of write and key; rows older than a week are no longer needed.
create table idempotency_key (
    caller     text        not null,
    scope      text        not null check (scope in ('request', 'referral')),
    key        text        not null,
    result_id  uuid        not null,
    created_at timestamptz not null,
    primary key (caller, scope, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
