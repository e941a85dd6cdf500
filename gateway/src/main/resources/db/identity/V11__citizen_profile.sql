-- A citizen's own personal data, typed once and reused to fill in the next form (volunteer registration, legal aid,
-- counselling, 代办) — kept only with the citizen's consent to the policy version recorded here, and erased when they
-- withdraw it. Name and ID number are encrypted (common FieldCipher, the column name as associated data); the keyed
-- blind index lets support find a profile by ID number without decrypting. The phone is not copied here: the bound
-- phone of citizen_account is the one reused.
create table citizen_profile (
    account_id       uuid primary key references citizen_account (id),
    name_enc         text        not null,
    id_number_enc    text        not null,
    id_number_index  varchar(64) not null,
    consent_version  varchar(32) not null,
    consented_at     timestamptz not null,
    updated_at       timestamptz not null
);
create index citizen_profile_id_number_idx on citizen_profile (id_number_index);
