-- Citizen notifications already handled, by event id, so a redelivered Kafka record never messages anyone twice.
create table notification_delivery (
    event_id     uuid primary key,
    account_id   uuid        not null,
    template     varchar(64) not null,
    outcome      varchar(16) not null,
    delivered_at timestamptz not null
);
