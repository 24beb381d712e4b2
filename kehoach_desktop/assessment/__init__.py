"""Self-assessment per criterion (issue 12): one score per scorable criterion of the PAR INDEX,
with the documents that prove it and an explanation; totals per area and for the index; the
score sheet. No Qt."""
