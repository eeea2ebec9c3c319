"""Exchange formats built from article results: the flat ACLED-like event table, GeoJSON."""
