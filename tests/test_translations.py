"""Every string of the UI has its Vietnamese translation, compiled and current."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "sohoa_vi.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def sources(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in tree.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") not in ("vanished", "obsolete")
    }


def test_every_message_is_translated() -> None:
    for message in ET.parse(TS).iter("message"):
        translation = message.find("translation")
        assert translation.get("type") is None, message.findtext("source")
        assert translation.text, message.findtext("source")


def test_the_translation_file_lists_exactly_the_strings_of_the_ui(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *files, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )

    assert sources(fresh) == sources(TS), "run `make translations` and translate what is new"


def test_the_compiled_translation_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "sohoa_vi.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )

    assert compiled.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_the_compiled_translation_of_qt_s_own_strings_is_current(tmp_path: Path) -> None:
    qt_ts = TS.with_name("qt_vi.ts")
    compiled = tmp_path / "qt_vi.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(qt_ts), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )

    assert compiled.read_bytes() == qt_ts.with_suffix(".qm").read_bytes(), "run `make translations`"
