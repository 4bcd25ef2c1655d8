"""Placeholder: the Worker model's dataclasses (being written)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Worker:
    """Placeholder."""
