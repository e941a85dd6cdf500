-- One row per reminder sent: the primary key makes each reminder go out once, however many instances run the job.
create table booking_reminder (
    booking_id uuid        not null references booking (id),
    kind       text        not null check (kind in ('DAY_BEFORE', 'HOUR_BEFORE')),
    sent_at    timestamptz not null,
    primary key (booking_id, kind)
);
-- The job looks for confirmed bookings starting within the next day.
create index booking_confirmed_start_idx on booking (starts_at) where status = 'CONFIRMED';
