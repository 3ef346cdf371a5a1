"""The pages a user waits on, served for real and driven by wrk, beside the naive baseline.

    python bench/bench_load.py [--sizes office,network] [--databases sqlite,postgresql]
                               [--seconds 5] [--clients 4]

For each size and database: the cached data (bench/generate.py), gunicorn on loopback (two
workers), an officer's session, then wrk with concurrent clients on each page for
`--seconds`: p50/p95/p99 and throughput, the SQL queries per page (counted in-process), the
chapter per format for one agency, and the workers' peak memory. The baseline is the admin's
changelist (icontains search, filters on unindexed columns) over the same rows. Writes
bench/results/load.md and load.svg; exits non-zero naming each missed target.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "results"
BIN = ROOT / ".venv" / "bin"
P95_TARGET_MS = {"office": 30.0, "network": 100.0}
QUERY_TARGET, RATIO_TARGET = 10, 20.0
SERVE = ("--workers", "2", "--timeout", "300", "--no-control-socket", "--log-level", "warning")
LUA = ("-s", str(ROOT / "bench" / "wrk.lua"))
TARGETED = ("list", "filtered list", "list search", "search")

#: (name, our page, the admin's page over the same rows or None); {pk}: one of its records.
PAGES = [
    ("dashboard", "/", "/admin/"),
    ("list", "/activities/", "/admin/activities/activity/"),
    (
        "filtered list",
        "/activities/?year=2020&kind=meeting&mode=online",
        "/admin/activities/activity/?year=2020&kind=meeting&mode=online",
    ),
    ("list search", "/activities/?q=香港", "/admin/activities/activity/?q=香港"),
    ("search", "/search/?q=香港", "/admin/activities/activity/?q=香港"),
    ("detail", "/activities/{pk}/", "/admin/activities/activity/{pk}/change/"),
    ("API list", "/api/v1/activities/", None),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres(command: str) -> None:
    if os.getuid() == 0:
        subprocess.run(["su", "postgres", "-s", "/bin/bash", "-c", command], check=True)
    else:
        subprocess.run(["bash", "-c", command], check=True)


class Database:
    """A cached database of one size: prepared once per GENERATOR_VERSION."""

    def __init__(self, vendor: str, size: str):
        from bench.generate import GENERATOR_VERSION

        self.vendor, self.size = vendor, size
        self.folder = CACHE / f"{vendor}-{size}-v{GENERATOR_VERSION}"
        self.pgbin = max(Path("/usr/lib/postgresql").glob("*/bin"), default=None)
        self.port = free_port()

    @property
    def url(self) -> str:
        if self.vendor == "sqlite":
            return f"sqlite:///{self.folder / 'bench.sqlite3'}"
        return f"postgres://postgres@127.0.0.1:{self.port}/liaison"

    def start(self) -> None:
        if self.vendor == "postgresql":
            if not (self.folder / "data").exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                shutil.chown(self.folder, "postgres", "postgres") if os.getuid() == 0 else None
                as_postgres(
                    f"'{self.pgbin}/initdb' -D '{self.folder}/data' -U postgres --auth=trust"
                    f" -E UTF8 --locale=C.UTF-8 >/dev/null"
                )
            as_postgres(
                f"'{self.pgbin}/pg_ctl' -D '{self.folder}/data' -l '{self.folder}/server.log'"
                f" -w -o \"-p {self.port} -k '{self.folder}' -c listen_addresses=127.0.0.1"
                f' -c fsync=off -c shared_buffers=512MB" start >/dev/null'
            )
        if not (self.folder / "complete").exists():
            self.generate()

    def stop(self) -> None:
        if self.vendor == "postgresql":
            as_postgres(f"'{self.pgbin}/pg_ctl' -D '{self.folder}/data' -m fast stop >/dev/null")

    def env(self) -> dict:
        return {
            **os.environ,
            "DATABASE_URL": self.url,
            "LIAISON_VAR_DIR": str(self.folder / "var"),
            "LIAISON_DEBUG": "0",
            "SECRET_KEY": "bench-only-secret-key-0123456789abcdef0123456789abcdef",
            "SECURE_SSL_REDIRECT": "0",
            "DJANGO_SETTINGS_MODULE": "liaison.settings",
        }

    def generate(self) -> None:
        print(f"== generating {self.size} on {self.vendor} (cached in {self.folder})")
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.vendor == "postgresql":
            as_postgres(
                f"'{self.pgbin}/psql' -h 127.0.0.1 -p {self.port} -U postgres -qc"
                f" 'DROP DATABASE IF EXISTS liaison' -c 'CREATE DATABASE liaison'"
            )
        else:
            (self.folder / "bench.sqlite3").unlink(missing_ok=True)
        env = self.env()
        for command in (["migrate", "--no-input", "-v", "0"], ["collectstatic", "--no-input"]):
            subprocess.run([BIN / "liaison", *command, "-v", "0"], env=env, check=True)
        code = (
            "import django; django.setup(); from bench import generate as g;"
            f"g.prepare_passwords(); g.generate(g.SIZES[{self.size!r}])"
        )
        subprocess.run([BIN / "python", "-c", code], env=env, check=True, cwd=ROOT)
        (self.folder / "complete").touch()


def in_process(database: Database, pages) -> dict:
    """Queries per page and the chapter per format, measured in a child process."""
    code = (
        "import json, sys; from bench.measure import measure;"
        f"print(json.dumps(measure({[(n, ours) for n, ours, _base in pages]!r})))"
    )
    out = subprocess.run(
        [BIN / "python", "-c", code],
        env=database.env(),
        check=True,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def serve(database: Database) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [BIN / "gunicorn", "liaison.wsgi:application", "--bind", f"127.0.0.1:{port}", *SERVE],
        env=database.env(),
        cwd=ROOT,
    )
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, port
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def drive(port: int, path: str, cookie: str, seconds: int, clients: int) -> dict:
    url = f"http://127.0.0.1:{port}{quote(path, safe='/?=&')}"
    subprocess.run(["curl", "-sf", "-o", "/dev/null", "-b", cookie, url], check=False)  # warm
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "30s", *LUA, url],
        env={**os.environ, "BENCH_COOKIE": cookie},
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


def peak_memory_mb(server: subprocess.Popen) -> float:
    """The largest peak resident size (VmHWM) among the master's workers."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    peaks = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks, default=0.0)


def run_one(vendor: str, size: str, seconds: int, clients: int) -> dict:
    database = Database(vendor, size)
    database.start()
    try:
        measured = in_process(database, PAGES)
        server, port = serve(database)
        try:
            rows = []
            for name, ours, base in PAGES:
                ours, base = (p and p.format(pk=measured["pk"]) for p in (ours, base))
                row = {
                    "page": name,
                    "ours": drive(port, ours, measured["cookie"], seconds, clients),
                }
                row["queries"] = measured["queries"][name]
                if base:
                    row["base"] = drive(port, base, measured["cookie"], seconds, clients)
                rows.append(row)
                print(f"  {vendor:10} {size:7} {name:14} " + describe(row), flush=True)
            memory = peak_memory_mb(server)
        finally:
            server.terminate()
            server.wait()
    finally:
        database.stop()
    return {"vendor": vendor, "size": size, "rows": rows, "memory": memory, **measured}


def describe(row: dict) -> str:
    ours = row["ours"]
    text = (
        f"p50 {ours['p50']:7.1f}  p95 {ours['p95']:7.1f}  p99 {ours['p99']:7.1f} ms"
        f"  {ours['rps']:6.1f}/s  {row['queries']:2} queries"
    )
    if "base" in row:
        text += f"  admin p95 {row['base']['p95']:7.1f} ms ({ratio(row):5.1f}x)"
    return text


def ratio(row: dict) -> float:
    """The admin's p95 over ours (0 when either answered nothing)."""
    if not row["ours"]["requests"] or not row["base"]["requests"]:
        return 0.0
    return row["base"]["p95"] / row["ours"]["p95"]


def misses(runs: list[dict]) -> list[str]:
    found = []
    for run in runs:
        where = f"{run['size']} on {run['vendor']}"
        for row in run["rows"]:
            if row["ours"]["requests"] == 0 or row.get("base", {}).get("requests", 1) == 0:
                found.append(f"{row['page']}: no request answered within the window ({where})")
                continue
            if row["page"] in TARGETED and row["ours"]["p95"] > P95_TARGET_MS[run["size"]]:
                found.append(
                    f"{row['page']} p95 {row['ours']['p95']:.1f} ms >"
                    f" {P95_TARGET_MS[run['size']]:.0f} ms ({where})"
                )
            if row["queries"] > QUERY_TARGET:
                found.append(f"{row['page']}: {row['queries']} queries > {QUERY_TARGET} ({where})")
            if row["page"] == "search" and run["size"] == "network" and ratio(row) < RATIO_TARGET:
                found.append(f"search only {ratio(row):.1f}x faster than icontains ({where})")
            if row["ours"]["errors"]:
                found.append(f"{row['page']}: {row['ours']['errors']} errors ({where})")
    by_key = {(r["vendor"], r["size"]): r for r in runs}
    for vendor in {r["vendor"] for r in runs}:
        office, network = by_key.get((vendor, "office")), by_key.get((vendor, "network"))
        if office and network:
            small, big = (
                next(r for r in x["rows"] if r["page"] == "dashboard") for x in (office, network)
            )
            if big["ours"]["p95"] > 2 * max(small["ours"]["p95"], 5.0):
                found.append(
                    f"dashboard grows with the table: p95 {small['ours']['p95']:.1f} ms →"
                    f" {big['ours']['p95']:.1f} ms ({vendor})"
                )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="office,network")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    runs = [
        run_one(vendor, size, args.seconds, args.clients)
        for size in args.sizes.split(",")
        for vendor in args.databases.split(",")
    ]
    from bench.report import write

    args.load = " / ".join(f"{x:.1f}" for x in os.getloadavg())

    missed = misses(runs)
    write(runs, missed, RESULTS, args)
    for line in missed:
        print(f"MISSED: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
