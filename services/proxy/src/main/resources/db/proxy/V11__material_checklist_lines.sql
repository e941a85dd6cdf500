-- An upload may be tied to one line of its request's materials checklist (the line's name as the checklist shows it);
-- uploads made before, or without naming a line, stay loose (null) and are still listed with the request's materials.
alter table proxy_request_file add column checklist_item text;
create index proxy_request_file_checklist_idx on proxy_request_file (request_id, checklist_item) where checklist_item is not null;
