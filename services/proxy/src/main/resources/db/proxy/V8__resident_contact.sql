-- How a resident without a mobile phone of their own is reached: a relative's number (with the relation) or no phone
-- at all, recorded with their consent when a clerk registers the request at the counter or on the phone. Requests with
-- the resident's own number have no row. The number itself stays in proxy_request.resident_phone (encrypted; empty
-- when there is none).
create table proxy_request_contact (
    request_id uuid primary key references proxy_request (id),
    kind       varchar(8) not null check (kind in ('RELATIVE', 'NONE')),
    relation   text,
    check (kind <> 'RELATIVE' or relation is not null)
);
