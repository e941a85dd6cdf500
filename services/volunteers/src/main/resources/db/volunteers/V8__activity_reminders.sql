-- Reminders sent before an activity starts; the primary key makes each one go out once, even with several instances.
create table activity_reminder (
    activity_id  uuid        not null references activity (id),
    volunteer_id uuid        not null references volunteer (id),
    kind         varchar(12) not null check (kind in ('DAY_BEFORE', 'HOUR_BEFORE')),
    sent_at      timestamptz not null,
    primary key (activity_id, volunteer_id, kind)
);
create index signup_confirmed_activity_idx on signup (activity_id) where status = 'CONFIRMED';
create index activity_published_start_idx on activity (starts_at) where status = 'PUBLISHED';
