"""What ``sitrep events`` and ``sitrep export`` share: the store option and the event filters."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from sitrep.store import EventFilter

F = TypeVar("F", bound=Callable[..., Any])


def _iso_day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date such as 2023-09-19") from None


def _country(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise click.BadParameter(f"{value!r} is not an ISO 3166-1 alpha-3 code such as UKR")
    return value.upper()


def _bbox(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not MIN_LON,MIN_LAT,MAX_LON,MAX_LAT such as 44,38,48,42"
        ) from None
    if min_lon > max_lon or min_lat > max_lat:
        raise click.BadParameter("the minimum must not exceed the maximum")
    return min_lon, min_lat, max_lon, max_lat


def stored_db_option(func: F) -> F:
    """``--db FILE``: an existing store, as written by ``sitrep run``."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(exists=True, dir_okay=False),
        required=True,
        help="A store written by sitrep run.",
    )(func)


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--since --until --country --type --actor --bbox --limit``, handed to the command as
    one ``selection: EventFilter`` argument."""

    @functools.wraps(func)
    def command(
        *args: Any,
        since: str | None,
        until: str | None,
        country: str | None,
        event_type: str | None,
        actor: str | None,
        bbox: tuple[float, float, float, float] | None,
        limit: int | None,
        **kwargs: Any,
    ) -> Any:
        chosen = EventFilter(
            since=since,
            until=until,
            country=country,
            type=event_type,
            actor=actor,
            bbox=bbox,
            limit=limit,
        )
        return func(*args, selection=chosen, **kwargs)

    options = [
        click.option(
            "--since", callback=_iso_day, help="Events on or after this day (YYYY-MM-DD)."
        ),
        click.option(
            "--until", callback=_iso_day, help="Events on or before this day (YYYY-MM-DD)."
        ),
        click.option(
            "--country",
            callback=_country,
            help="ISO 3166-1 alpha-3 code of the event's place, e.g. UKR.",
        ),
        click.option(
            "--type", "event_type", help="PLOVER type (ASSAULT) or ACLED event or sub-event type."
        ),
        click.option("--actor", help="Part of a participant's name, e.g. police."),
        click.option(
            "--bbox",
            callback=_bbox,
            metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT",
            help="Events located inside this box.",
        ),
        click.option("--limit", type=click.IntRange(min=0), help="At most this many events."),
    ]
    wrapped: Callable[..., Any] = command
    for option in reversed(options):
        wrapped = option(wrapped)
    return wrapped
