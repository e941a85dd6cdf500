-- A volunteer who moves is transferred to their new village/community: the record, its hours, service record and
-- certificates stay with the same volunteer id; each move is kept here (append-only) with who made it and why.
create table volunteer_transfer (
    id           bigserial primary key,
    volunteer_id uuid        not null references volunteer (id),
    from_region  varchar(12) not null,
    to_region    varchar(12) not null,
    reason       text        not null,
    actor        text        not null,
    occurred_at  timestamptz not null
);
create index volunteer_transfer_volunteer_idx on volunteer_transfer (volunteer_id, id);
create trigger volunteer_transfer_no_update before update or delete on volunteer_transfer
    for each row execute function volunteers_append_only();
create trigger volunteer_transfer_no_truncate before truncate on volunteer_transfer
    for each statement execute function volunteers_append_only();
