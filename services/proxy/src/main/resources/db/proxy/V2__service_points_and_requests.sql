-- One service point per village/community; its clerk and helping volunteers; the catalogue items it can proxy.
create table service_point (
    id          uuid primary key,
    region_code varchar(12) not null unique,
    name        text        not null,
    address     text,
    phone       text,
    active      boolean     not null default true,
    created_at  timestamptz not null
);

create table service_point_staff (
    point_id   uuid        not null references service_point (id),
    account_id text        not null,
    role       varchar(10) not null check (role in ('CLERK', 'VOLUNTEER')),
    primary key (point_id, account_id)
);
create index service_point_staff_account_idx on service_point_staff (account_id);

create table service_point_item (
    point_id  uuid        not null references service_point (id),
    item_code varchar(40) not null references catalogue_item (code),
    primary key (point_id, item_code)
);

-- A resident's proxy request (代办) and its lifecycle.
create table proxy_request (
    id                 uuid primary key,
    receipt_no         text unique,
    point_id           uuid        not null references service_point (id),
    region_code        varchar(12) not null,
    item_code          varchar(40) not null references catalogue_item (code),
    citizen_account_id text,
    resident_name      text        not null,  -- encrypted (FieldCipher)
    resident_phone     text        not null,  -- encrypted (FieldCipher)
    consent_channel    varchar(12) not null check (consent_channel in ('MINI_PROGRAM', 'IN_PERSON', 'PHONE')),
    consent_at         timestamptz not null,
    created_by         text        not null,
    status             varchar(12) not null,
    created_at         timestamptz not null,
    accepted_at        timestamptz,
    forward_due        date,
    forwarded_at       timestamptz,
    office             text,
    delivered_at       timestamptz,
    archived_at        timestamptz,
    satisfaction       int check (satisfaction between 1 and 5),
    feedback           text,
    version            bigint      not null
);
create index proxy_request_point_status_idx on proxy_request (point_id, status, forward_due);
create index proxy_request_region_idx on proxy_request (region_code, status);
create index proxy_request_citizen_idx on proxy_request (citizen_account_id);

create table proxy_request_material (
    request_id uuid    not null references proxy_request (id),
    position   int     not null,
    name       text    not null,
    ticked     boolean not null default false,
    primary key (request_id, position)
);

-- The timeline: every status change with who made it and a note; append-only.
create table proxy_request_step (
    id          bigserial primary key,
    request_id  uuid        not null references proxy_request (id),
    status      varchar(12) not null,
    note        text,
    actor       text        not null,
    occurred_at timestamptz not null
);
create index proxy_request_step_request_idx on proxy_request_step (request_id, id);

create sequence receipt_seq;
