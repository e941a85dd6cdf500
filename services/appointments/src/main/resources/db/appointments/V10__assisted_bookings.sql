-- Consultations a village/community service-point clerk books at the counter for a resident without the
-- mini-program (代为预约). The booking's citizen key is 'resident:' + the phone's blind index, so the weekly limit
-- applies per resident; name and phone are encrypted (FieldCipher) and shown masked.
create table assisted_booking (
    booking_id          uuid        primary key references booking (id),
    clerk_account_id    text        not null,
    resident_name       text        not null,
    resident_phone      text        not null,
    consent_at          timestamptz not null,
    created_at          timestamptz not null
);

create index assisted_booking_clerk_idx on assisted_booking (clerk_account_id, created_at desc);
