-- Hours that come from outside an activity (e.g. volunteer-lawyer consultations): where they came from, when and where
-- they were served, and the source's id so that a replayed event cannot credit them twice.
alter table hours_ledger add column source        text;
alter table hours_ledger add column place         text;
alter table hours_ledger add column service_start timestamptz;
alter table hours_ledger add column service_end   timestamptz;
alter table hours_ledger add column external_ref  text;
create unique index hours_ledger_external_ref_uq on hours_ledger (external_ref) where external_ref is not null;
