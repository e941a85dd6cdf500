-- A volunteer asks for a certificate; staff whose area covers the volunteer issue it (through the certificate table)
-- or decline it with a reason. One open request per volunteer and kind at a time.
create table certificate_request (
    id                 uuid primary key,
    volunteer_id       uuid        not null references volunteer (id),
    kind               varchar(20) not null check (kind in ('SERVICE_HOURS')),
    purpose            text,
    status             varchar(10) not null check (status in ('OPEN', 'ISSUED', 'DECLINED')),
    requested_at       timestamptz not null,
    decided_at         timestamptz,
    decided_by         text,
    certificate_number varchar(24) references certificate (number),
    decline_reason     text,
    check (status <> 'ISSUED' or certificate_number is not null),
    check (status <> 'DECLINED' or decline_reason is not null),
    check (status = 'OPEN' or decided_at is not null)
);
create unique index certificate_request_open_uq on certificate_request (volunteer_id, kind) where status = 'OPEN';
create index certificate_request_volunteer_idx on certificate_request (volunteer_id, requested_at);
create index certificate_request_open_idx on certificate_request (requested_at) where status = 'OPEN';
