-- One person, one volunteer record. Identity data is encrypted (FieldCipher); the ID number is matched by a keyed hash.
create table volunteer (
    id                 uuid primary key,
    account_id         text        not null unique,
    id_blind_index     text        not null,
    real_name          text,                 -- encrypted; erased when consent is withdrawn
    id_number          text,                 -- encrypted; erased when consent is withdrawn
    phone              text,                 -- encrypted; erased when consent is withdrawn
    birth_date         date,                 -- derived from the ID number; erased when consent is withdrawn
    sex                char(1) check (sex in ('M', 'F')),
    home_region        varchar(12) not null,
    skills             text[]      not null default '{}',
    availability       text,
    guardian_name      text,                 -- encrypted; only for volunteers under 14
    guardian_phone     text,                 -- encrypted
    guardian_relation  varchar(20),
    status             varchar(20) not null check (status in ('ACTIVE', 'CONSENT_WITHDRAWN')),
    registered_at      timestamptz not null,
    withdrawn_at       timestamptz
);
-- The database, not the application, guarantees one record per ID number, even under concurrent registrations.
create unique index volunteer_id_blind_index_uq on volunteer (id_blind_index);
create index volunteer_home_region_idx on volunteer (home_region text_pattern_ops);

-- Every consent given or withdrawn, with the policy version the person saw. Append-only.
create table consent_record (
    id             bigserial primary key,
    volunteer_id   uuid        not null references volunteer (id),
    purpose        varchar(30) not null check (purpose in ('SENSITIVE_PERSONAL_INFORMATION', 'GUARDIAN')),
    action         varchar(10) not null check (action in ('GRANTED', 'WITHDRAWN')),
    policy_version text        not null,
    actor          text        not null,
    occurred_at    timestamptz not null
);
create index consent_record_volunteer_idx on consent_record (volunteer_id, id);

create function volunteers_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger consent_record_no_update before update or delete on consent_record
    for each row execute function volunteers_append_only();
create trigger consent_record_no_truncate before truncate on consent_record
    for each statement execute function volunteers_append_only();
