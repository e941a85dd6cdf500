-- Uploaded materials of a proxy request. The file itself is stored encrypted under a random name outside any
-- web root; the original name is kept only for display.
create table proxy_request_file (
    id            uuid primary key,
    request_id    uuid        not null references proxy_request (id),
    display_name  text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null,
    sha256        text        not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null
);
create index proxy_request_file_request_idx on proxy_request_file (request_id);
