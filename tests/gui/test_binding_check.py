"""The start-up check for a Qt binding that loses references to None."""
from __future__ import annotations

import sys

from gui.binding_check import PROBE_CALLS, guard_none_references, none_references_lost


def test_the_installed_binding_keeps_its_references_to_none(qapp):
    assert none_references_lost() == 0


def test_a_leaking_binding_is_reported_and_none_is_kept_alive(qapp, monkeypatch):
    messages = []
    before = sys.getrefcount(None)
    found = guard_none_references(probe=lambda: PROBE_CALLS, warn=messages.append)
    if sys.version_info >= (3, 12):
        assert not found and not messages  # None is immortal there
        return
    assert found
    assert "PySide6" in messages[0] and "!=6.12.0" in messages[0]
    assert sys.getrefcount(None) > before + 1_000_000


def test_a_sound_binding_is_left_alone(qapp):
    messages = []
    assert not guard_none_references(probe=lambda: 0, warn=messages.append)
    assert messages == []
