"""Word style templates (built by tools/make_templates.py)."""
