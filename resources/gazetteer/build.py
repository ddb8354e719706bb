"""Build ``units.json.gz``, the gazetteer of Vietnamese administrative units.

Run from the repository root with the project's virtual environment::

    .venv/bin/python -m resources.gazetteer.build

Each release of the ``vietnam-provinces`` package holds one snapshot of the
official list, so each is installed into its own throw-away virtual
environment and its data file is dumped from there. The package is never a
dependency of the app: the committed data file is all the app reads.

Names are tidied on the way (NFC, classic tone placement through
``app.values.text.normalize``, one space between words, the unit type capitalised one
way), so that a place picked from the gazetteer is stored exactly as a clerk's
typed text would be.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.values.text import normalize

OUTPUT = Path(__file__).with_name("units.json.gz")
PACKAGE = "vietnam-provinces"
# Snapshot name -> the package release that holds it (see README.md).
RELEASES = {"current": "2025.10.1", "pre2025": "0.6.0"}
EXPECTED_PROVINCES = {"current": 34, "pre2025": 63}
COLUMNS = ("snapshot", "code", "name", "short_name", "division_type", "parent_code")
# GSO writes codes with a fixed width per level: 01, 001, 00001.
CODE_WIDTH = {"province": 2, "district": 3, "commune": 5}

# The words a full name starts with tell its type: the 0.6.0 release labels
# every unit "tỉnh", "huyện" or "xã" whatever it really is.
_PREFIXES = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã")
_PROVINCE_TYPES = {"Tỉnh": "tỉnh", "Thành phố": "thành phố trung ương"}
_DISTRICT_TYPES = {"Huyện": "huyện", "Quận": "quận", "Thị xã": "thị xã", "Thành phố": "thành phố"}
_COMMUNE_TYPES = {"Xã": "xã", "Phường": "phường", "Thị trấn": "thị trấn", "Đặc khu": "đặc khu"}
_LEVEL_TYPES = {"province": _PROVINCE_TYPES, "district": _DISTRICT_TYPES, "commune": _COMMUNE_TYPES}

_DUMP = (
    "import json, sys, vietnam_provinces as vp\n"
    "json.dump({'version': vp.__version__, 'data_version': vp.__data_version__,\n"
    "           'divisions': json.loads(vp.NESTED_DIVISIONS_JSON_PATH.read_text('utf-8'))},\n"
    "          sys.stdout)\n"
)


class GazetteerError(Exception):
    """The package's data does not have the shape this script relies on."""


def dump_release(version: str, workdir: Path) -> dict[str, Any]:
    """Install ``vietnam-provinces==version`` in a fresh venv and return its raw data."""
    env_dir = workdir / f"venv-{version}"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "install", f"{PACKAGE}=={version}"], check=True)
    out = subprocess.run([str(python), "-c", _DUMP], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def split_name(raw: str, level: str, package_type: str | None = None) -> tuple[str, str, str]:
    """Return (full name, short name, division type) for one unit's raw name.

    The 2025 release names provinces without their type ("Cao Bằng"); the type
    then comes from the package's own ``division_type``.
    """
    name = normalize(raw)
    types = _LEVEL_TYPES[level]
    prefix = next((p for p in _PREFIXES if name.lower().startswith(p.lower() + " ")), None)
    if prefix is None:
        if level != "province" or package_type not in _PROVINCE_TYPES.values():
            raise GazetteerError(f"no unit type in {raw!r}")
        prefix = next(p for p, t in _PROVINCE_TYPES.items() if t == package_type)
        short = name
    else:
        short = name[len(prefix) :].strip()
    if prefix not in types:
        raise GazetteerError(f"{raw!r} is not a {level}-level unit")
    # "Phường 1" is the unit's whole name: "1" alone names nothing.
    full = f"{prefix} {short}"
    return full, (full if short.isdigit() else short), types[prefix]


def units(snapshot: str, divisions: list[dict[str, Any]]) -> Iterator[list[str | None]]:
    """Yield one row per unit of a snapshot, parents before their children."""
    for province in divisions:
        code = _code(province["code"], "province")
        name, short, kind = split_name(province["name"], "province", province["division_type"])
        yield [snapshot, code, name, short, kind, None]
        for district in province.get("districts", []):
            district_code = _code(district["code"], "district")
            yield [snapshot, district_code, *split_name(district["name"], "district"), code]
            yield from _communes(snapshot, district["wards"], district_code)
        yield from _communes(snapshot, province.get("wards", []), code)


def _communes(
    snapshot: str, wards: list[dict[str, Any]], parent: str
) -> Iterator[list[str | None]]:
    for ward in wards:
        yield [
            snapshot,
            _code(ward["code"], "commune"),
            *split_name(ward["name"], "commune"),
            parent,
        ]


def _code(number: int, level: str) -> str:
    return str(number).zfill(CODE_WIDTH[level])


def check(snapshot: str, rows: list[list[str | None]]) -> None:
    """Fail loudly on data that would make the gazetteer wrong."""
    codes = [row[1] for row in rows]
    if len(codes) != len(set(codes)):
        raise GazetteerError(f"{snapshot}: duplicate unit codes")
    missing = {row[5] for row in rows if row[5] is not None} - set(codes)
    if missing:
        raise GazetteerError(f"{snapshot}: parents missing: {sorted(missing)[:5]}")
    provinces = sum(1 for row in rows if row[5] is None)
    if provinces != EXPECTED_PROVINCES[snapshot]:
        raise GazetteerError(
            f"{snapshot}: {provinces} provinces, not {EXPECTED_PROVINCES[snapshot]}"
        )


def build(output: Path = OUTPUT) -> dict[str, int]:
    """Dump every release, check it, and write the data file; return unit counts."""
    sources: dict[str, dict[str, str]] = {}
    rows: list[list[str | None]] = []
    with tempfile.TemporaryDirectory(prefix="sohoa-gazetteer-") as tmp:
        for snapshot, version in RELEASES.items():
            raw = dump_release(version, Path(tmp))
            snapshot_rows = list(units(snapshot, raw["divisions"]))
            check(snapshot, snapshot_rows)
            rows.extend(snapshot_rows)
            sources[snapshot] = {
                "package": PACKAGE,
                "version": raw["version"],
                "data_version": raw["data_version"],
            }
    document = {"format": 1, "sources": sources, "columns": list(COLUMNS), "units": rows}
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the file byte-identical across rebuilds of the same data.
    with (
        open(output, "wb") as raw_file,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw_file, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(payload)
    return {snapshot: sum(1 for row in rows if row[0] == snapshot) for snapshot in RELEASES}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build the data file and print unit counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the file")
    args = parser.parse_args(argv)
    counts = build(args.output)
    for snapshot, count in counts.items():
        print(f"{snapshot}: {count} units")
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
