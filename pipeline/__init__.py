"""ISCM Highlights: from spreadsheets to the bulletin and the ISCM table."""
