-- Who did a step, as people read it: 本人 for the resident's own actions, the staff member's display name as it was
-- when they acted, the receiving office for a referral's progress. Residents and staff never see account ids.
alter table proxy_request_step add column actor_name text;
update proxy_request_step s set actor_name = case
        when s.actor = r.citizen_account_id then '本人'
        when s.actor = 'referral' then '转介承接单位'
        else '代办员' end
    from proxy_request r where r.id = s.request_id;
