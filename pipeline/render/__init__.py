"""Context to bytes, one format each: HTML pages, PDF (with its PDF/UA finisher) and the
pool that renders them, XLSX, the .ics, the validation report.
"""
