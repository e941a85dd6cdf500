-- An activity an organiser publishes; confirmed_count is the capacity counter every sign-up locks and checks.
create table activity (
    id                  uuid primary key,
    organiser_account   text        not null,
    region_code         varchar(12) not null,
    place               text        not null,
    title               text        not null,
    description         text,
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    planned_minutes     int         not null check (planned_minutes > 0),
    capacity            int         not null check (capacity > 0),
    confirmed_count     int         not null default 0,
    waitlist_seq        int         not null default 0,
    required_skills     text[]      not null default '{}',
    min_age             int,
    max_age             int,
    suitable_for_minors boolean     not null default false,
    status              varchar(10) not null check (status in ('PUBLISHED', 'CANCELLED')),
    check_code          varchar(6)  not null,
    created_at          timestamptz not null,
    check (ends_at > starts_at),
    -- The last line of defence: whatever the code does, the counter cannot pass the capacity.
    check (confirmed_count between 0 and capacity)
);
create index activity_region_start_idx on activity (region_code text_pattern_ops, starts_at);
create index activity_organiser_idx on activity (organiser_account, starts_at);

create table signup (
    id           uuid primary key,
    activity_id  uuid        not null references activity (id),
    volunteer_id uuid        not null references volunteer (id),
    status       varchar(10) not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    waitlist_no  int,
    signed_up_at timestamptz not null,
    confirmed_at timestamptz,
    cancelled_at timestamptz
);
create unique index signup_open_uq on signup (activity_id, volunteer_id) where status <> 'CANCELLED';
create index signup_waitlist_idx on signup (activity_id, waitlist_no) where status = 'WAITLISTED';
create index signup_volunteer_idx on signup (volunteer_id, signed_up_at);
