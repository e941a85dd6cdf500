-- 法律援助申请. Applicant name, ID number and phone are encrypted by the application (FieldCipher);
-- the ID number is also kept as a keyed blind index for look-ups. No personal data in clear.
create table legal_aid_application (
    id                  uuid primary key,
    citizen_account_id  text        not null,
    region_code         varchar(12) not null,
    applicant_name      text        not null,
    id_number           text        not null,
    id_number_index     text        not null,
    phone               text        not null,
    case_type           text        not null,
    other_party         text        not null,
    description         text        not null,
    hardship_statement  text,
    exempt_ground       text,
    status              text        not null,
    submitted_on        date        not null,
    -- 7 working days from the complete application; pushed back by the working days spent waiting for supplements.
    decision_due        date        not null,
    paused_on           date,
    supplement_request  text,
    supplement_note     text,
    decided_at          timestamptz,
    decided_on          date,
    decided_by          text,
    decision_reasons    text,
    assignment_due      date,
    assigned_provider_id uuid references provider (id),
    assigned_account_id text,
    assigned_at         timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check ((hardship_statement is null) <> (exempt_ground is null))
);
create index legal_aid_application_citizen_idx on legal_aid_application (citizen_account_id, created_at);
create index legal_aid_application_region_idx on legal_aid_application (region_code text_pattern_ops, status);
create index legal_aid_application_lawyer_idx on legal_aid_application (assigned_account_id);
create index legal_aid_application_id_index_idx on legal_aid_application (id_number_index);
