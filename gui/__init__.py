"""The desktop window (PySide6) over the briefing core."""
