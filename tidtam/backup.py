"""Backups that a restore can rely on: SQLite through its online backup API (a consistent copy
while the app runs), PostgreSQL through pg_dump's custom format and pg_restore."""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


def _pg_env_and_args():
    s = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": s.get("PASSWORD") or ""}
    args = [
        "-h",
        s.get("HOST") or "127.0.0.1",
        "-p",
        str(s.get("PORT") or 5432),
        "-U",
        s.get("USER") or "",
    ]
    return env, args, s["NAME"]


def backup(path: Path) -> Path:
    path = Path(path)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        target.close()
    elif connection.vendor == "postgresql":
        env, args, name = _pg_env_and_args()
        subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", "-f", str(path), *args, name],
            env=env,
            check=True,
            capture_output=True,
            timeout=3600,
        )
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(connection.vendor)
    return path


def restore(path: Path) -> None:
    """Replace the database's content with the backup's (everything, in one step)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as source:
            source.backup(connection.connection)
        source.close()
    elif connection.vendor == "postgresql":
        connection.close()
        env, args, name = _pg_env_and_args()
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "-d",
                name,
                *args,
                str(path),
            ],
            env=env,
            check=True,
            capture_output=True,
            timeout=3600,
        )
    else:  # pragma: no cover
        raise RuntimeError(connection.vendor)
    # the maps kept built belong to the replaced data (their version counters came back with the
    # backup): emptied here; other processes' caches empty when they restart (docs/performance.md)
    from django.core.cache import cache

    cache.clear()
