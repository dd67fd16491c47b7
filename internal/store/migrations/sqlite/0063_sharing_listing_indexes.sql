-- The library's page walks the shares latest first and stops at its twentieth match, probing each share's tags
-- (share_tags' key is (tag, share_id)); the index holds authority_id so that the walk and the count never read
-- a share's row (its view_json) before it is on the page. The atlas counts partnerships and authorities by
-- country from an index holding both.
CREATE INDEX shares_listing ON shares(updated_at, id, authority_id);
CREATE INDEX shared_partnerships_country_authority ON shared_partnerships(country, authority_id);
