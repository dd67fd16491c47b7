-- Activity types copied from a peer's share keep where they come from, like objectives and results.
ALTER TABLE activities ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
