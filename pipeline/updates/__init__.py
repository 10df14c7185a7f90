"""The yearly round trip with the secretariats: update workbooks out, their returns merged in.

``make requests`` (request.py) writes, for each active or emerging mechanism, a workbook
pre-filled with what the inputs hold for it, in its working language (form.py says what
it holds and how each part is named), stamped with what it was made from (stamp.py).
``make collect`` reads the returned workbooks (returns.py) with the safety of every input,
compares them with their stamp and with the inputs as they are now (review.py: every
change, every conflict, every problem, located in the return), shows the review
(report.py: terminal, HTML, XLSX), and only with ``--apply`` merges the accepted changes
into the input workbooks (merge.py), recording where each came from.
"""
