-- Adults may book counselling without their ID number: many people will not name themselves to ask for help, and the
-- number is needed only to tell minors (who need a guardian's consent) from adults. Without it the client declares
-- being 18 or older, and when they did so is kept; a minor always gives the number.
alter table psychology_intake
    alter column client_id_number drop not null,
    alter column client_id_index drop not null,
    add column adult_declared_at timestamptz,
    add constraint psychology_intake_identity
        check (client_id_number is not null or (not minor and adult_declared_at is not null));
