-- Supporting documents of a legal-aid application. The bytes live AES-GCM encrypted on disk under the document id
-- (never the submitted name); the submitted name is personal enough to be encrypted here too.
create table legal_aid_document (
    id              uuid primary key,
    application_id  uuid        not null references legal_aid_application (id),
    display_name    text        not null,
    content_type    text        not null,
    size_bytes      bigint      not null,
    sha256          text        not null,
    uploaded_by     text        not null,
    uploaded_at     timestamptz not null
);
create index legal_aid_document_application_idx on legal_aid_document (application_id, uploaded_at);
