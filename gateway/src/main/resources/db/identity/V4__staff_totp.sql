-- Second factor for staff (TOTP, RFC 6238). The secret is encrypted with the PII field cipher; the last accepted
-- time step stops a code from being used twice.
alter table staff_account add column totp_secret    text;
alter table staff_account add column totp_enabled   boolean not null default false;
alter table staff_account add column totp_last_step bigint;
