-- A rotated refresh token presented again within the grace window (two refreshes racing at app start) gets one more
-- pair of its sign-in instead of ending it; this marks that it had its one grace, so a third use ends the sign-in.
alter table refresh_token add column grace_used boolean not null default false;
