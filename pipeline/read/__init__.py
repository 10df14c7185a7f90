"""Read: input files into RawTables (formats, safety, readers, headers, sheets), and the
translators' files.
"""
