"""The reader's language: catalogues, the localiser, dates."""
