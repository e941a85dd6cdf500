-- A 老友议事会 of one village/community, with the voting rules its charter sets for the residents' resolution.
create table council (
    id                   uuid primary key,
    region_code          varchar(12) not null unique,
    name                 text        not null,
    charter              text        not null,
    resolution_body      varchar(24) not null check (resolution_body in ('VILLAGERS_MEETING', 'REPRESENTATIVES_MEETING')),
    quorum_numerator     int         not null,
    quorum_denominator   int         not null,
    quorum_comparison    varchar(10) not null check (quorum_comparison in ('AT_LEAST', 'MORE_THAN')),
    majority_numerator   int         not null,
    majority_denominator int         not null,
    majority_comparison  varchar(10) not null check (majority_comparison in ('AT_LEAST', 'MORE_THAN')),
    created_by           text        not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    check (length(region_code) = 12),
    check (quorum_numerator > 0 and quorum_denominator >= quorum_numerator),
    check (majority_numerator > 0 and majority_denominator >= majority_numerator)
);
-- District/township searches are prefix searches on the region code.
create index council_region_prefix_idx on council (region_code text_pattern_ops);

-- Elected representatives (议事代表) with their term.
create table council_representative (
    id         uuid primary key,
    council_id uuid        not null references council (id),
    name       text        not null,
    duty       text,
    term_start date        not null,
    term_end   date        not null,
    created_by text        not null,
    created_at timestamptz not null,
    check (term_end >= term_start)
);
create index council_representative_council_idx on council_representative (council_id);

-- Staff accounts (role CONVENER) named as conveners of the council.
create table council_convener (
    council_id   uuid        not null references council (id),
    account_id   text        not null,
    display_name text        not null,
    added_by     text        not null,
    added_at     timestamptz not null,
    primary key (council_id, account_id)
);

-- A topic (议题) proposed by a resident, or entered by a clerk for an offline resident with their consent.
create table topic (
    id                   uuid primary key,
    council_id           uuid        not null references council (id),
    title                text        not null,
    description          text        not null,
    proposer_account     text,
    clerk_assisted       boolean     not null,
    assisted_by          text,
    resident_name        text,
    consent_method       text,
    consent_at           timestamptz,
    status               varchar(10) not null check (status in ('OPEN', 'ACCEPTED', 'MERGED', 'DECLINED')),
    merged_into          uuid references topic (id),
    public_reason        text,
    decided_by           text,
    decided_at           timestamptz,
    created_at           timestamptz not null,
    -- Either a resident proposed it themselves, or a clerk entered it with the resident's recorded consent.
    check ((not clerk_assisted and proposer_account is not null)
        or (clerk_assisted and assisted_by is not null and resident_name is not null and consent_method is not null and consent_at is not null)),
    check ((status = 'MERGED') = (merged_into is not null))
);
create index topic_council_idx on topic (council_id, status, created_at desc);

-- One support per resident and topic.
create table topic_support (
    topic_id   uuid        not null references topic (id),
    account_id text        not null,
    created_at timestamptz not null,
    primary key (topic_id, account_id)
);

-- A major matter walked through 四议两公开.
create table decision (
    id         uuid primary key,
    council_id uuid        not null references council (id),
    topic_id   uuid references topic (id),
    title      text        not null,
    matter     text        not null,
    status     varchar(12) not null check (status in ('IN_PROGRESS', 'REJECTED', 'IMPLEMENTING', 'DONE')),
    next_step  varchar(24),
    progress   int         not null default 0 check (progress between 0 and 100),
    created_by text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index decision_council_idx on decision (council_id, created_at desc);

-- The register: one row per holding of a step (a step without quorum is held again as a new attempt).
create table decision_step (
    id                   uuid primary key,
    decision_id          uuid        not null references decision (id),
    step                 varchar(24) not null,
    attempt              int         not null,
    held_at              timestamptz not null,
    motion_source        text,
    expected_attendance  int,
    actual_attendance    int,
    votes_for            int,
    votes_against        int,
    votes_abstain        int,
    outcome              varchar(10) not null check (outcome in ('PASSED', 'NO_QUORUM', 'REJECTED', 'PUBLISHED')),
    rule_text            text,
    explanation          text,
    supervisors_comments text,
    content              text,
    recorded_by          text        not null,
    recorded_at          timestamptz not null,
    unique (decision_id, step, attempt)
);
-- A step is passed (or published) at most once, whatever races the API.
create unique index decision_step_once_uq on decision_step (decision_id, step) where outcome in ('PASSED', 'PUBLISHED');

-- Implementation progress after the resolution is public, until done.
create table decision_progress (
    id          uuid primary key,
    decision_id uuid        not null references decision (id),
    percent     int         not null check (percent between 0 and 100),
    note        text        not null,
    occurred_on date        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index decision_progress_decision_idx on decision_progress (decision_id, recorded_at);
