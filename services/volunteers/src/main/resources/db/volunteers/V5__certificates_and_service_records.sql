-- Service certificates (志愿服务证明). The identity shown is stored masked at issue time: the public verification page
-- reads only this row, never the encrypted identity. The number is random so that numbers cannot be enumerated.
create table certificate (
    number          varchar(24) primary key,
    volunteer_id    uuid        not null references volunteer (id),
    issuer_name     text        not null,
    issuer_contact  text        not null,
    issuer_region   varchar(12) not null,
    issued_by       text        not null,
    masked_name     text        not null,
    masked_id       text        not null,
    total_minutes   bigint      not null check (total_minutes > 0),
    issued_on       date        not null,
    issued_at       timestamptz not null,
    status          varchar(10) not null check (status in ('ISSUED', 'REVOKED')),
    revoked_at      timestamptz,
    revoked_by      text,
    revoke_reason   text,
    check (status = 'ISSUED' or revoke_reason is not null)
);
create index certificate_volunteer_idx on certificate (volunteer_id, issued_at);

-- Training, awards and evaluations of a volunteer's service record (《志愿服务记录与证明出具办法（试行）》), entered by
-- the recording organisation. Append-only like the hours ledger.
create table record_entry (
    id            bigserial primary key,
    volunteer_id  uuid        not null references volunteer (id),
    kind          varchar(12) not null check (kind in ('TRAINING', 'AWARD', 'EVALUATION')),
    title         text        not null,
    occurred_on   date        not null,
    detail        text,
    org_region    varchar(12) not null,
    recorded_by   text        not null,
    recorded_at   timestamptz not null
);
create index record_entry_volunteer_idx on record_entry (volunteer_id, occurred_on);
create trigger record_entry_no_update before update or delete on record_entry
    for each row execute function volunteers_append_only();
