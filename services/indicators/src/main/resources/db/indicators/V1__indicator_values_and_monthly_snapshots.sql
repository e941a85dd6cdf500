-- The plan indicators of every region as of the last refresh (a read model built from the other modules' published
-- figures), so a dashboard read is a handful of rows however many volunteers and requests there are.
create table current_value (
    indicator    varchar(40) not null,
    region_code  varchar(12) not null,
    value        numeric,
    numerator    bigint,
    denominator  bigint,
    status       varchar(16) not null,
    status_label text        not null,
    details      text        not null,
    primary key (indicator, region_code)
);
create index current_value_region_idx on current_value (region_code);

-- When the values above were computed, and over which period (rolling twelve months).
create table refresh_run (
    id               int primary key check (id = 1),
    computed_at      timestamptz not null,
    period_from      date        not null,
    period_to        date        not null,
    volunteers_as_of timestamptz,
    duration_ms      int         not null
);

-- One row per indicator, region and month, kept from the first refresh on (no back-filled history): the current
-- month's row follows every refresh, so when a month is over its row holds its last figures.
create table monthly_snapshot (
    indicator    varchar(40) not null,
    region_code  varchar(12) not null,
    month        date        not null check (extract(day from month) = 1),
    value        numeric,
    numerator    bigint,
    denominator  bigint,
    status       varchar(16) not null,
    status_label text        not null,
    primary key (indicator, region_code, month)
);

-- When each month's snapshot was first and last brought up to date.
create table snapshot_month (
    month          date        primary key,
    first_taken_at timestamptz not null,
    last_taken_at  timestamptz not null
);
