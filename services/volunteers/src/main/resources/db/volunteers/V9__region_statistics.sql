-- Per-village rollup behind the region statistics: refreshed by a job (one pass over volunteers and the ledger), so
-- that a district or the whole city is a sum over at most 1,856 rows however many volunteers and hours there are.
create table village_stats (
    village_code      varchar(12) primary key,
    registered        int         not null,
    active_90d        int         not null,
    confirmed_minutes bigint      not null,
    refreshed_at      timestamptz not null
);

-- Resident population per region (from the statistics bureau), for the 20% registration target. Loaded by operators.
create table region_population (
    code       varchar(12) primary key,
    population int         not null check (population > 0),
    year       int         not null
);
