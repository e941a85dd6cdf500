-- Volunteer lawyers: their completed consultations count as volunteer service hours (consumed by services/volunteers).
-- volunteer_account_id is the account under which the lawyer is registered as a volunteer, when it is not the staff account.
alter table provider add column volunteer boolean not null default false;
alter table provider add column volunteer_account_id text;

-- When a consultation actually took place (may differ from the booked slot), and who recorded it.
alter table booking add column started_at timestamptz;
alter table booking add column ended_at timestamptz;
alter table booking add column completed_at timestamptz;
alter table booking add column completed_by text;
