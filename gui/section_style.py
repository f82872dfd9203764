"""One colour per briefing section, shared by the preview and the reader's highlights."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class SectionStyle:
    strong: str  # headings, bars, swatches
    light: str  # highlight behind text


_STYLES = {
    "objectives": SectionStyle("#1d5fbf", "#d6e6fb"),
    "concessions": SectionStyle("#1b7f4b", "#d3f0de"),
    "risks": SectionStyle("#b8322a", "#fadcd9"),
}
_OTHER = (SectionStyle("#7a4fb5", "#e9dff7"), SectionStyle("#a86a00", "#f8e8c8"))


def section_style(key: str, order: int = 0) -> SectionStyle:
    return _STYLES.get(key) or _OTHER[order % len(_OTHER)]


def strong_colour(key: str) -> QColor:
    return QColor(section_style(key).strong)


def light_colour(key: str) -> QColor:
    return QColor(section_style(key).light)
