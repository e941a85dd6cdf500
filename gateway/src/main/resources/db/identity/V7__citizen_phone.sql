-- A citizen's mobile number, bound through WeChat's phone-number API. Stored encrypted (common FieldCipher,
-- AES-256-GCM, the column name as associated data); the keyed blind index finds accounts sharing a number
-- without decrypting. Only masked numbers leave the gateway.
alter table citizen_account
    add column phone_enc      text,
    add column phone_index    varchar(64),
    add column phone_bound_at timestamptz;
create index citizen_account_phone_idx on citizen_account (phone_index);
