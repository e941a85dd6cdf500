-- Citizens waiting for a fully booked provider's day; the first one waiting is offered a slot when a booking is cancelled.
create table waitlist_entry (
    id                 uuid primary key,
    -- First come, first offered: the order of joining, independent of clock resolution.
    seq                bigserial   not null,
    provider_id        uuid        not null references provider (id),
    day                date        not null,
    citizen_account_id text        not null,
    status             text        not null check (status in ('WAITING', 'OFFERED')),
    created_at         timestamptz not null,
    offered_at         timestamptz,
    offered_booking_id uuid,
    unique (provider_id, day, citizen_account_id)
);
create index waitlist_entry_waiting_idx on waitlist_entry (provider_id, day, seq) where status = 'WAITING';
