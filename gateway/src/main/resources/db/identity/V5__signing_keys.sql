-- Keys that sign access tokens (RS256). One key signs at a time; a retired key stays published in the JWKS until every
-- token it signed has expired. The private half is encrypted with the PII field cipher, so a copy of the table is useless.
create table signing_key (
    kid         text        primary key,
    private_jwk text        not null,
    public_jwk  text        not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);
create unique index signing_key_one_current on signing_key ((retired_at is null)) where retired_at is null;
