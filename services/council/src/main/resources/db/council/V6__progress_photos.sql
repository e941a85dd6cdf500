-- Photos of implementation progress (实施结果公开): public with the result. The image itself is stored encrypted on the
-- materials volume under the photo's id, stripped of its metadata (EXIF, XMP, text chunks) before it is stored.
create table decision_progress_photo (
    id           uuid primary key,
    decision_id  uuid        not null references decision (id),
    progress_id  uuid        not null references decision_progress (id),
    content_type varchar(20) not null check (content_type in ('image/jpeg', 'image/png')),
    size_bytes   int         not null,
    width        int         not null,
    height       int         not null,
    sha256       char(64)    not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
create index decision_progress_photo_idx on decision_progress_photo (decision_id, progress_id, uploaded_at);
