-- Residents report topics as well as opinions: one report table for both, keyed by the kind of item. One report per
-- resident and item; unsettled reports put a visible item in the moderators' queue until they publish or hide it.
-- The opinion reports filed so far move over unchanged.
create table content_report (
    item_kind  varchar(8)  not null check (item_kind in ('OPINION', 'TOPIC')),
    item_id    uuid        not null,
    account_id text        not null,
    reason     text        not null,
    created_at timestamptz not null,
    settled    boolean     not null default false,
    primary key (item_kind, item_id, account_id)
);
create index content_report_open_idx on content_report (item_kind, item_id) where not settled;
insert into content_report (item_kind, item_id, account_id, reason, created_at, settled)
select 'OPINION', opinion_id, account_id, reason, created_at, settled from opinion_report;
drop table opinion_report;

-- A convener may remove a progress photo uploaded by mistake, with a reason. The encrypted file is deleted; the row
-- stays as the record of what was public and when and why it was removed, and is shown nowhere.
alter table decision_progress_photo add column removed_at timestamptz;
alter table decision_progress_photo add column removed_by text;
alter table decision_progress_photo add column removed_reason text;
alter table decision_progress_photo add constraint decision_progress_photo_removed_ck
    check ((removed_at is null) = (removed_reason is null) and (removed_at is null) = (removed_by is null));
