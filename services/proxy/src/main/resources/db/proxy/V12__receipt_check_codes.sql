-- The check code printed in a 受理回执's QR code (the public progress page answers only to number and code), drawn at
-- random and kept, so rotating the PII keys cannot invalidate slips already handed out. Receipts issued before this
-- table have no row: their code stays the keyed hash of the number they were printed with.
create table receipt_check_code (
    receipt_no varchar(32) primary key,
    code       varchar(16) not null,
    created_at timestamptz not null
);
