-- What a resident needs to reach a place from their phone: its phone number (a call button), opening hours, and its
-- coordinates (a map), entered by the administrators over it. All optional: places registered before have none.
alter table place add column phone text;
alter table place add column opening_hours text;
alter table place add column latitude double precision;
alter table place add column longitude double precision;
alter table place add constraint place_coordinates_paired check ((latitude is null) = (longitude is null));
