-- A volunteer service station (志愿服务站) of a township/street.
create table station (
    id            uuid primary key,
    township_code varchar(9)  not null,
    name          text        not null,
    address       text,
    created_by    text        not null,
    created_at    timestamptz not null,
    unique (township_code, name)
);

-- A team of a station, led by a volunteer.
create table team (
    id                  uuid primary key,
    station_id          uuid        not null references station (id),
    township_code       varchar(9)  not null,
    name                text        not null,
    type                varchar(20) not null check (type in ('PING_AN', 'PATROL', 'GENERAL')),
    leader_volunteer_id uuid        not null references volunteer (id),
    created_by          text        not null,
    created_at          timestamptz not null,
    unique (station_id, name)
);
create index team_township_idx on team (township_code);

-- Membership and the way to it: a request the leader approves or rejects.
create table team_membership (
    id           uuid primary key,
    team_id      uuid        not null references team (id),
    volunteer_id uuid        not null references volunteer (id),
    role         varchar(10) not null check (role in ('LEADER', 'MEMBER')),
    status       varchar(10) not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_at timestamptz not null,
    decided_at   timestamptz,
    decided_by   text,
    note         text
);
-- At most one open request or membership per person and team.
create unique index team_membership_open_uq on team_membership (team_id, volunteer_id) where status in ('PENDING', 'APPROVED');
create index team_membership_volunteer_idx on team_membership (volunteer_id);
