"""Canned SQL reports: one `<name>.sql` with a `<name>.yml` beside it, read through `reports.catalog`."""
