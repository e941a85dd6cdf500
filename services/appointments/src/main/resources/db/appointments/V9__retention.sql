-- Retention: closed records past the retention period keep only what statistics need; the rest is removed.
alter table booking add column anonymised_at timestamptz;
alter table legal_aid_application add column anonymised_at timestamptz;
create index booking_retention_idx on booking (ends_at) where anonymised_at is null;
create index legal_aid_application_retention_idx on legal_aid_application (coalesce(assigned_at, decided_at))
    where anonymised_at is null and status in ('REJECTED', 'ASSIGNED');
