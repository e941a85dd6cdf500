-- A resident booked at the counter may have no mobile of their own: the clerk records a relative's number with the
-- relation, or no number at all, with the resident's consent. The booking's resident key is then derived from the
-- relative's number with the resident's name, or from the name and the clerk (so weekly limits still apply).
alter table assisted_booking alter column resident_phone drop not null;
alter table assisted_booking add column contact_kind varchar(8) not null default 'SELF'
    check (contact_kind in ('SELF', 'RELATIVE', 'NONE'));
alter table assisted_booking add column contact_relation text;
alter table assisted_booking add constraint assisted_booking_relative_has_relation
    check (contact_kind <> 'RELATIVE' or contact_relation is not null);
