"""What the spreadsheets hold: tables, columns, kinds of column, vocabularies, themes."""
