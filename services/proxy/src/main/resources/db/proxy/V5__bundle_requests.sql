-- A request for a bundle item (打包快办) is a parent that fans out into one child request per covered item;
-- the children are handled one by one and tracked together under the parent.
alter table proxy_request add column parent_id uuid references proxy_request (id);
create index proxy_request_parent_idx on proxy_request (parent_id);
