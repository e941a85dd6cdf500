-- A star level reached is first publicly noticed; it takes effect when the notice period ends without an open objection.
create table star_notice (
    id            uuid primary key,
    volunteer_id  uuid        not null references volunteer (id),
    stars         int         not null check (stars between 1 and 5),
    home_region   varchar(12) not null,
    noticed_at    timestamptz not null,
    effective_at  timestamptz not null,
    status        varchar(10) not null check (status in ('NOTICE', 'EFFECTIVE', 'CANCELLED')),
    decided_at    timestamptz,
    decided_by    text,
    note          text
);
create unique index star_notice_level_uq on star_notice (volunteer_id, stars) where status <> 'CANCELLED';
create index star_notice_due_idx on star_notice (effective_at) where status = 'NOTICE';
create index star_notice_region_idx on star_notice (home_region text_pattern_ops, noticed_at) where status = 'NOTICE';

-- Objections anyone signed in raises during the notice; an admin of the area resolves them.
create table star_objection (
    id              uuid primary key,
    notice_id       uuid        not null references star_notice (id),
    objector        text        not null,
    reason          text        not null,
    created_at      timestamptz not null,
    resolved_at     timestamptz,
    resolved_by     text,
    upheld          boolean
);
create index star_objection_notice_idx on star_objection (notice_id) where resolved_at is null;
