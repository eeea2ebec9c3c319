"""Storage of article results: SQLite by default (one file, migrated on open)."""

from sitrep.store.sqlite import EventFilter, Store, StoredEvent

__all__ = ["EventFilter", "Store", "StoredEvent"]
