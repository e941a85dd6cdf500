-- A bundle item (e.g. 劳动维权打包快办) covers several catalogue items handled together.
create table catalogue_bundle_part (
    bundle_code varchar(40) not null references catalogue_item (code),
    position    int         not null,
    part_code   varchar(40) not null references catalogue_item (code),
    primary key (bundle_code, position),
    unique (bundle_code, part_code)
);
