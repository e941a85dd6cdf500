-- Verifiers (services, search) cache the JWKS, so a new key is published some minutes before it starts signing.
-- A key is retired when its successor starts signing; that is derived from signing_from, so retired_at goes.
alter table signing_key add column signing_from timestamptz;
update signing_key set signing_from = created_at;
alter table signing_key alter column signing_from set not null;
drop index signing_key_one_current;
alter table signing_key drop column retired_at;
create index signing_key_schedule_idx on signing_key (signing_from);
