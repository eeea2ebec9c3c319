"""Extraction stages: places, times, actors, quotes, events, counts (one module each)."""
