-- Identity of everyone who signs in through the gateway. Services only ever see the account id (JWT sub).

create table citizen_account (
    id              uuid primary key,
    openid          varchar(64)  not null unique,
    unionid         varchar(64),
    created_at      timestamptz  not null,
    last_sign_in_at timestamptz  not null
);

create table staff_account (
    id            uuid primary key,
    username      varchar(64)  not null,
    password_hash varchar(255) not null,
    display_name  varchar(64)  not null,
    -- Role names of cn.nanning.civic.common.identity.Role, comma separated.
    roles         varchar(255) not null,
    region_code   varchar(12)  not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null
);
create unique index staff_account_username_key on staff_account (lower(username));

-- Opaque refresh tokens, stored only as SHA-256 hashes. A family is one sign-in; rotation keeps the family,
-- and presenting an already rotated token revokes the whole family (token theft detection).
create table refresh_token (
    id          uuid primary key,
    token_hash  varchar(64) not null unique,
    family_id   uuid        not null,
    account_id  uuid        not null,
    kind        varchar(16) not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    rotated     boolean     not null default false
);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_account_idx on refresh_token (account_id);
