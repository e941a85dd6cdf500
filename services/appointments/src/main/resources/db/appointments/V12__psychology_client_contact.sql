-- How the counsellor reaches the client (an urgent screening asks for a call): the client's name and mobile as they
-- gave them when booking, encrypted by the application like the rest of the intake. Optional: older bookings and
-- clients who leave them out have none; the counsellor then has the ID number and, for a minor, the guardian.
alter table psychology_intake add column client_name text;
alter table psychology_intake add column client_phone text;
