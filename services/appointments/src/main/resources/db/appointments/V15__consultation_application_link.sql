-- A legal-aid application may name the free consultation it came from (the lawyer advised applying); the booking then
-- points back to it, so the citizen's consultation leads to its application and the application to its consultation.
alter table legal_aid_application add column consultation_id uuid references booking (id);
alter table booking add column legal_aid_application_id uuid;
create index legal_aid_application_consultation_idx on legal_aid_application (consultation_id);
