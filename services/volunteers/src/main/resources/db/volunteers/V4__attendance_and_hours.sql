-- Check-in and check-out at an activity with the organiser's code.
create table attendance (
    activity_id      uuid        not null references activity (id),
    volunteer_id     uuid        not null references volunteer (id),
    check_in_at      timestamptz not null,
    check_out_at     timestamptz,
    attended_minutes int,
    qualifies        boolean,
    primary key (activity_id, volunteer_id)
);

-- Confirmed service hours: an append-only ledger. A correction is a new entry (a signed difference) with its reason.
create table hours_ledger (
    id           bigserial primary key,
    volunteer_id uuid        not null references volunteer (id),
    activity_id  uuid references activity (id),
    minutes      int         not null,
    kind         varchar(12) not null check (kind in ('CONFIRMED', 'CORRECTION')),
    reason       text,
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    check (kind = 'CONFIRMED' and minutes > 0 or kind = 'CORRECTION' and reason is not null and minutes <> 0)
);
-- One confirmation per person and activity; any change after it is a correction.
create unique index hours_ledger_confirmed_uq on hours_ledger (activity_id, volunteer_id) where kind = 'CONFIRMED';
create index hours_ledger_volunteer_idx on hours_ledger (volunteer_id, id);

create trigger hours_ledger_no_update before update or delete on hours_ledger
    for each row execute function volunteers_append_only();
create trigger hours_ledger_no_truncate before truncate on hours_ledger
    for each statement execute function volunteers_append_only();

-- Hours a volunteer claims alone: kept, shown as unconfirmed, never counted.
create table hours_claim (
    id           uuid primary key,
    volunteer_id uuid        not null references volunteer (id),
    service_date date        not null,
    minutes      int         not null check (minutes > 0),
    description  text        not null,
    status       varchar(12) not null check (status in ('UNCONFIRMED')),
    created_at   timestamptz not null
);
create index hours_claim_volunteer_idx on hours_claim (volunteer_id, created_at);
