"""What a page shows: sentences, what changed, charts, maps, profiles."""
