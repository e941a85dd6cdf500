-- Every citizen notification a module asked for, kept as the citizen's in-app inbox whatever WeChat does with it:
-- a subscribe message is sent only while the citizen holds an accepted one-time subscription of that template, and
-- never for the citizen's own action; wechat_outcome says what happened (PENDING while the send is being retried).
create table notification (
    id             uuid primary key,
    event_id       uuid        not null unique,
    account_id     uuid        not null,
    template       varchar(64) not null,
    title          text        not null,
    body           text        not null,
    data           text        not null,  -- the template fields as JSON
    page           text,
    created_at     timestamptz not null,
    read_at        timestamptz,
    wechat_outcome varchar(16) not null
);
create index notification_account_idx on notification (account_id, created_at desc);
create index notification_unread_idx on notification (account_id) where read_at is null;

-- One-time subscribe-message subscriptions per citizen and template: each accepted wx.requestSubscribeMessage answer
-- allows one message; a message sent uses one up. Answers are counted, rejections too.
create table notification_consent (
    account_id  uuid        not null,
    template    varchar(64) not null,
    remaining   int         not null default 0 check (remaining >= 0),
    accepted    int         not null default 0,
    rejected    int         not null default 0,
    answered_at timestamptz not null,
    primary key (account_id, template)
);
