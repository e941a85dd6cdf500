-- btree_gist lets one exclusion constraint combine equality on the provider with overlap of time ranges.
create extension if not exists btree_gist with schema public;

-- Where providers receive people: 公共法律服务站/点 of a region, or a county's 心理咨询室.
create table place (
    id          uuid primary key,
    name        text        not null,
    kind        text        not null check (kind in ('LEGAL_SERVICE_STATION', 'LEGAL_SERVICE_POINT', 'COUNSELLING_ROOM')),
    region_code varchar(12) not null,
    address     text,
    active      boolean     not null default true,
    created_at  timestamptz not null default now()
);
create index place_region_idx on place (region_code);

-- A lawyer, legal-aid staff member or counsellor: a staff account working at one place, with booking rules.
create table provider (
    id                 uuid primary key,
    account_id         text        not null unique,
    display_name       text        not null,
    kind               text        not null check (kind in ('LAWYER', 'LEGAL_AID_STAFF', 'COUNSELLOR')),
    place_id           uuid        not null references place (id),
    slot_minutes       int         not null check (slot_minutes between 10 and 240),
    buffer_minutes     int         not null default 0 check (buffer_minutes between 0 and 120),
    min_notice_minutes int         not null default 120 check (min_notice_minutes between 0 and 20160),
    horizon_days       int         not null default 14 check (horizon_days between 1 and 90),
    active             boolean     not null default true,
    created_at         timestamptz not null default now()
);
create index provider_place_idx on provider (place_id);

-- Weekly working plan: one or more windows per weekday (1 = Monday … 7 = Sunday), in Nanning local time.
create table working_window (
    provider_id uuid     not null references provider (id) on delete cascade,
    weekday     smallint not null check (weekday between 1 and 7),
    starts      time     not null,
    ends        time     not null,
    check (starts < ends),
    primary key (provider_id, weekday, starts)
);

-- Leave and other absences; holidays come from the city's working-day calendar (kernel.calendar_day).
create table absence (
    id          uuid primary key,
    provider_id uuid        not null references provider (id) on delete cascade,
    period      tstzrange   not null,
    reason      text        not null,
    created_by  text        not null,
    created_at  timestamptz not null default now()
);
create index absence_provider_idx on absence using gist (provider_id, period);

create table booking (
    id                 uuid primary key,
    provider_id        uuid        not null references provider (id),
    citizen_account_id text        not null,
    service            text        not null check (service in ('LEGAL_CONSULTATION', 'PSYCHOLOGY')),
    mode               text        not null check (mode in ('ONLINE', 'IN_PERSON')),
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    -- The provider is busy from the start until the end plus the buffer; this is what must never overlap.
    blocked            tstzrange   not null,
    status             text        not null check (status in ('CONFIRMED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')),
    topic              text,
    urgent             boolean     not null default false,
    cancel_reason      text,
    cancelled_by       text,
    cancelled_at       timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check (starts_at < ends_at),
    -- Double booking is impossible: no two live bookings of one provider may overlap, whatever the application does.
    constraint booking_no_double_booking exclude using gist (provider_id with =, blocked with &&) where (status <> 'CANCELLED')
);
create index booking_citizen_idx on booking (citizen_account_id, starts_at);
create index booking_provider_time_idx on booking (provider_id, starts_at);
