"""The handoff site: pages generated from lint results, for MkDocs (or any static builder)."""
