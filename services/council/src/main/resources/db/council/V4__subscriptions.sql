-- Residents who want to hear when the council publishes a resolution or an implementation result.
create table council_subscription (
    council_id uuid        not null references council (id),
    account_id text        not null,
    created_at timestamptz not null,
    primary key (council_id, account_id)
);
