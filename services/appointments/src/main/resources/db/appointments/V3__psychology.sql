-- What a psychology booking adds to the shared booking: the client's identity (for age and guardian consent)
-- and the optional screening. Identity, guardian details and screening answers are health-related personal data,
-- encrypted by the application; only the minor flag and whether the screening showed risk are in clear.
create table psychology_intake (
    booking_id          uuid primary key references booking (id),
    client_id_number    text        not null,
    client_id_index     text        not null,
    minor               boolean     not null,
    guardian            text,
    guardian_consent_at timestamptz,
    screening           text,
    risk                boolean     not null default false,
    check (not minor or (guardian is not null and guardian_consent_at is not null))
);

-- Counselling notes: written by the booking's counsellor, encrypted, readable by them and the supervisors they share with.
create table counselling_note (
    id          uuid primary key,
    booking_id  uuid        not null references booking (id),
    author      text        not null,
    body        text        not null,
    created_at  timestamptz not null
);
create index counselling_note_booking_idx on counselling_note (booking_id, created_at);

create table counselling_note_share (
    booking_id    uuid        not null references booking (id),
    supervisor    text        not null,
    shared_by     text        not null,
    shared_at     timestamptz not null,
    primary key (booking_id, supervisor)
);
