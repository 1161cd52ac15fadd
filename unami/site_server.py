"""Run the published site: Datasette on the immutable file, under uvicorn with timeouts.

`unami serve` execs `python -m unami.site_server --db PATH --host HOST --port PORT` once the
file is built. The metadata and the precomputed counts are made in memory, so nothing is
written beside the database. Compared with `datasette serve`:

- a connection must finish each request head within HEAD_TIMEOUT seconds of opening (or of
  its previous answer): idle and slow-header connections are closed (uvicorn 0.54 times out
  only a keep-alive connection that sends nothing at all);
- when the file at PATH is replaced (a new `unami build`), the next request notices, the
  server finishes what it is answering and starts again on the new file.
"""

import argparse
import asyncio
import json
import os
import sqlite3
import sys
from pathlib import Path

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_TIMEOUT = 5.0
KEEP_ALIVE_TIMEOUT = 5


class HeadDeadline(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request head does not arrive in time."""

    _head_timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(HEAD_TIMEOUT, self._head_expired)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _waiting_for_head(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _head_expired(self) -> None:
        if self._waiting_for_head() and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if not self._waiting_for_head():
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self._waiting_for_head():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def inspect_data(db_path: Path) -> dict:
    """What `datasette inspect` writes: table counts and the file's hash, so pages never count rows."""
    from datasette.cli import inspect_

    return asyncio.run(inspect_([str(db_path)], None))


def datasette_instance(db_path: Path):
    from datasette.app import Datasette

    from unami.site import SETTINGS, metadata_065, site_config

    return Datasette(
        immutables=[str(db_path)],
        inspect_data=inspect_data(db_path),
        # Through JSON, as `datasette serve --metadata` reads it: plain strings instead of SQLAlchemy's
        # quoted_name, which Datasette deep-copies on every metadata lookup (2 s for the home page).
        metadata=json.loads(json.dumps(metadata_065(site_config(db_path)))),
        settings=dict(SETTINGS),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    arguments = parser.parse_args(argv)

    from unami import datasette_limits, release

    try:
        ds = datasette_instance(arguments.db)
    except (OSError, sqlite3.Error, release.ReleaseError) as error:  # e.g. a file swapped in by hand
        print(f"{arguments.db}: cannot be served: {error}", file=sys.stderr)
        return 1
    asyncio.run(ds.invoke_startup())
    config = uvicorn.Config(
        ds.app(),
        host=arguments.host,
        port=arguments.port,
        http=HeadDeadline,
        ws="none",
        lifespan="on",
        log_level="info",
        timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
    )
    server = uvicorn.Server(config)
    changed: list[str] = []

    def restart(path: str) -> None:
        if not changed:
            print(f"{path} was replaced: finishing the answers in progress, then serving the new file", flush=True)
            changed.append(path)
            server.should_exit = True

    datasette_limits.on_file_change = restart
    server.run()
    if changed:
        # A new process opens the new file; the listening socket is closed by the exec.
        os.execv(sys.executable, [sys.executable, "-m", "unami.site_server", *(argv or sys.argv[1:])])
    return 0


if __name__ == "__main__":
    sys.exit(main())
