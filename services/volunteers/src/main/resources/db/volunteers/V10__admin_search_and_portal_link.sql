-- Administrators search volunteers by full name or by the masked ID number they see on screens (4501**********1234).
-- Both are matched through keyed hashes (FieldCipher blind indexes), never stored in plain text; withdrawal erases them.
alter table volunteer add column name_blind_index      text;
alter table volunteer add column masked_id_blind_index text;
create index volunteer_name_blind_index_idx on volunteer (name_blind_index) where name_blind_index is not null;
create index volunteer_masked_id_blind_index_idx on volunteer (masked_id_blind_index) where masked_id_blind_index is not null;

-- A volunteer may use the portal with a staff-style account (role VOLUNTEER) linked to their record. The link is made
-- by the person: a one-time code shown in the mini-program (their WeChat sign-in) is entered in the portal.
alter table volunteer add column portal_account_id text unique;

create table portal_link_code (
    code_hash    text primary key,          -- keyed hash of the one-time code; the code itself is never stored
    volunteer_id uuid        not null references volunteer (id),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    used_by      text
);
create index portal_link_code_volunteer_idx on portal_link_code (volunteer_id);
