-- The village or community a citizen calls home (chosen in the mini-program), kept on the server so every device
-- and every module sees the same one. Keyed by the account id (JWT sub); the gateway owns the account itself.
create table citizen_home_region (
    account_id  text primary key,
    region_code varchar(12) not null references region (code),
    updated_at  timestamptz not null
);
