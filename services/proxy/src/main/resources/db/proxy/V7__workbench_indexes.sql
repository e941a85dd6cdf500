-- Area queries filter by region code prefix (LIKE '450103001%'); pattern ops let the index serve them.
create index proxy_request_region_prefix_idx on proxy_request (region_code varchar_pattern_ops, status);
create index service_point_region_prefix_idx on service_point (region_code varchar_pattern_ops);
