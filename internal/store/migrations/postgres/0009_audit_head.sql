-- The latest audit entry of an authority marks its data's version: pages that derive costly summaries from
-- the data (the framework check) reuse them while the mark has not moved.
CREATE INDEX audit_log_head ON audit_log(authority_id, id);
