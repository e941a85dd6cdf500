-- Council meetings: schedule and place, an agenda of the council's topics, residents' registrations, who attended
-- (representatives by name, registered residents by account, walk-ins as a number) and the minutes.
create table meeting (
    id            uuid primary key,
    council_id    uuid        not null references council (id),
    title         text        not null,
    place         text        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    status        varchar(10) not null check (status in ('SCHEDULED', 'HELD', 'CANCELLED')),
    walk_ins      int check (walk_ins >= 0),
    minutes       text,
    minutes_by    text,
    minutes_at    timestamptz,
    created_by    text        not null,
    created_at    timestamptz not null,
    check (ends_at > starts_at),
    check ((status = 'HELD') = (minutes is not null))
);
create index meeting_council_idx on meeting (council_id, starts_at);

create table meeting_agenda_item (
    meeting_id uuid not null references meeting (id),
    position   int  not null,
    topic_id   uuid not null references topic (id),
    primary key (meeting_id, position),
    unique (meeting_id, topic_id)
);

create table meeting_registration (
    meeting_id uuid        not null references meeting (id),
    account_id text        not null,
    created_at timestamptz not null,
    primary key (meeting_id, account_id)
);

create table meeting_attendance (
    meeting_id        uuid        not null references meeting (id),
    representative_id uuid references council_representative (id),
    account_id        text,
    recorded_by       text        not null,
    recorded_at       timestamptz not null,
    check ((representative_id is null) <> (account_id is null))
);
create unique index meeting_attendance_rep_uq on meeting_attendance (meeting_id, representative_id) where representative_id is not null;
create unique index meeting_attendance_account_uq on meeting_attendance (meeting_id, account_id) where account_id is not null;
