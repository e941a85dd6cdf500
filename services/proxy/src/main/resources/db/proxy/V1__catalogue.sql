-- The service catalogue: items residents ask the village service point to handle or proxy.
create table catalogue_item (
    code               varchar(40) primary key,
    name               text        not null,
    type               text        not null,
    department         text        not null,
    implementing_level text        not null,
    legal_basis        text,
    conditions         text,
    materials          text,
    fee                text,
    time_limit_days    int,
    visits             int,
    proxy_allowed      boolean     not null,
    contact            text,
    retired            boolean     not null default false,
    version            bigint      not null,
    updated_at         timestamptz not null
);
