"""Language resources (data files)."""
