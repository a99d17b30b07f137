"""The network model and its rules, as plain Python: no MkDocs imports here."""
