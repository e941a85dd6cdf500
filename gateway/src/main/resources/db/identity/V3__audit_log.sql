-- Append-only audit of sign-ins, lockouts, password changes and token refresh/revocation (等保2.0 安全审计).
-- Never holds tokens, passwords or ID numbers: accounts appear by id, unknown sign-in names not at all.
create table audit_log (
    id             bigserial primary key,
    occurred_at    timestamptz not null default now(),
    actor          text        not null,
    actor_roles    text,
    action         text        not null,
    target_type    text,
    target_id      text,
    outcome        text        not null,
    request_id     text,
    client_address text,
    detail         text
);
create index audit_log_time_idx on audit_log (occurred_at);
create index audit_log_actor_idx on audit_log (actor, occurred_at);
create index audit_log_action_idx on audit_log (action, occurred_at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'identity.audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
