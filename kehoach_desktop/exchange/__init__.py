"""Exchange by USB: progress packages (.khbc), task packages (.khnv) and the results workbook.

No Qt here. `service` is what the Workspace calls; `safe_zip` reads untrusted zips,
`writer` writes files that survive a pulled stick, `drives` lists removable drives.
"""
