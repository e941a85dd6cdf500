-- Administrative divisions of Nanning (loaded from the data directory at start-up).
create table region (
    code        varchar(12) primary key,
    name        text        not null,
    level       varchar(10) not null check (level in ('city', 'district', 'township', 'village')),
    parent_code varchar(12)
);
create index region_parent_idx on region (parent_code);

-- Transactional outbox: business rows and their events commit together; the relay publishes afterwards.
create table outbox (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    payload      text        not null,
    occurred_at  timestamptz not null,
    request_id   text,
    published_at timestamptz,
    attempts     int         not null default 0,
    last_error   text
);
create index outbox_unpublished_idx on outbox (seq) where published_at is null;

-- Inbox: the events a consumer has already applied, written in the same transaction as the effect.
create table inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Append-only audit log: who did what, when, with what outcome.
create table audit_log (
    id          bigserial primary key,
    occurred_at timestamptz not null default now(),
    actor       text        not null,
    actor_roles text,
    action      text        not null,
    target_type text,
    target_id   text,
    outcome     text        not null,
    request_id  text,
    detail      text
);
create index audit_log_time_idx on audit_log (occurred_at);
create index audit_log_actor_idx on audit_log (actor, occurred_at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
