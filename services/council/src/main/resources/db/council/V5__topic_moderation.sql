-- Topics are checked like opinions before anyone sees them (our word list, WeChat msgSecCheck v2 with the proposer's
-- openid; clerk-entered topics have no openid and wait for a moderator), and moderators may hide a topic with a reason
-- that is shown publicly in its place. Triage (status) and moderation are separate: a hidden topic keeps its status
-- for the record but is shown nowhere.
alter table topic add column moderation varchar(8) not null default 'VISIBLE' check (moderation in ('VISIBLE', 'REVIEW', 'HIDDEN'));
alter table topic add column check_result text;
alter table topic add column moderated_by text;
alter table topic add column moderated_at timestamptz;
alter table topic add column hidden_reason text;
alter table topic add constraint topic_hidden_reason_ck check ((moderation = 'HIDDEN') = (hidden_reason is not null));
create index topic_moderation_idx on topic (council_id, moderation, created_at) where moderation <> 'VISIBLE';
