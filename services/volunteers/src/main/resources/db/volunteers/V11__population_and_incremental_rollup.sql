-- Resident population per region as published by the statistics bureau (e.g. the census tables), loaded by an
-- administrator through the API: one row per region and year, with the source it came from.
alter table region_population add column source    text;
alter table region_population add column loaded_at timestamptz;
alter table region_population add column loaded_by text;
alter table region_population drop constraint region_population_pkey;
alter table region_population add primary key (code, year);

-- The statistics rollup for every level (village, township, district, city), kept up to date incrementally: only
-- villages marked dirty since the last run (a registration, withdrawal or move; a ledger entry), or whose 90-day
-- activity figure is due to change, are recomputed, then their ancestors from their children.
drop table village_stats;
create table region_stats (
    code              varchar(12) primary key,
    level             varchar(10) not null,
    registered        int         not null,
    active_90d        int         not null,
    confirmed_minutes bigint      not null,
    active_until      timestamptz,          -- villages: when the first counted active volunteer stops counting
    refreshed_at      timestamptz not null
);
create index region_stats_active_until_idx on region_stats (active_until) where active_until is not null;

create table region_stats_dirty (
    village_code varchar(12) primary key,
    marked_at    timestamptz not null
);

create table region_stats_run (
    id          int primary key check (id = 1),
    last_run_at timestamptz not null
);

-- Statement-level triggers with transition tables: one insert per statement, however many rows (bulk loads stay fast).
create function volunteers_mark_volunteer_inserted() returns trigger language plpgsql as $$
begin
    insert into volunteers.region_stats_dirty (village_code, marked_at)
    select distinct home_region, now() from new_rows
    on conflict (village_code) do nothing;
    return null;
end;
$$;
create trigger volunteer_marks_region_on_insert after insert on volunteer
    referencing new table as new_rows for each statement execute function volunteers_mark_volunteer_inserted();

create function volunteers_mark_volunteer_updated() returns trigger language plpgsql as $$
begin
    insert into volunteers.region_stats_dirty (village_code, marked_at)
    select distinct r.region, now()
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.home_region), (n.home_region)) as r(region)
    where o.home_region is distinct from n.home_region or o.status is distinct from n.status
    on conflict (village_code) do nothing;
    return null;
end;
$$;
create trigger volunteer_marks_region_on_update after update on volunteer
    referencing old table as old_rows new table as new_rows for each statement execute function volunteers_mark_volunteer_updated();

create function volunteers_mark_ledger_inserted() returns trigger language plpgsql as $$
begin
    insert into volunteers.region_stats_dirty (village_code, marked_at)
    select distinct v.home_region, now() from new_rows h join volunteers.volunteer v on v.id = h.volunteer_id
    on conflict (village_code) do nothing;
    return null;
end;
$$;
create trigger hours_ledger_marks_region_on_insert after insert on hours_ledger
    referencing new table as new_rows for each statement execute function volunteers_mark_ledger_inserted();
