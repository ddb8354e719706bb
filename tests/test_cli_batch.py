"""Batches on the command line, as a lead and the centre run them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from batch_helpers import tool

SOHOA = Path(sys.executable).parent / "sohoa"
PLAINTEXT_WARNING = "SOHOA_ALLOW_PLAINTEXT_KEYRING=1: secrets are kept in a file"


class Operator:
    """Runs ``sohoa`` with a keyring of its own in a temporary directory."""

    def __init__(self, home: Path, **env: str) -> None:
        self.home = home
        self.env = {
            **os.environ,
            "SOHOA_ADMIN_PASSWORD": "station-password",
            "XDG_DATA_HOME": str(home / "xdg"),
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "SOHOA_ALLOW_PLAINTEXT_KEYRING": "1",
            **env,
        }

    def __call__(self, *args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(SOHOA), *map(str, args)],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            env={**self.env, **env},
            check=False,
            timeout=300,
        )

    def ok(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        result = self(*args)
        assert result.returncode == 0, result.stderr
        return result

    def json(self, *args: str | Path) -> dict:
        return json.loads(self.ok(*args, "--json").stdout)


@pytest.fixture
def operator(tmp_path: Path) -> Operator:
    return Operator(tmp_path)


@pytest.fixture(scope="module")
def prepared_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station given the centre's recipient at init, with entries, its key on file.

    Made once; each test works on a copy (its keyring file included).
    """
    home = tmp_path_factory.mktemp("prepared")
    operator = Operator(home)
    recipient = operator.ok("centre-key", "--out", home / "centre-identity.txt").stdout.strip()
    operator.ok(
        "init", "--station", "BP-01", "--office", "UBND xã A",
        "--centre-recipient", recipient, "--data-dir", home / "station",
    )  # fmt: skip
    operator.ok("demo", "--entries", "40", "--data-dir", home / "station")
    (home / "BP-01.pub").write_text(
        operator.ok("key", "--public", "--data-dir", home / "station").stdout
    )
    return home


@pytest.fixture
def station(prepared_station: Path, tmp_path: Path) -> dict[str, Path]:
    shutil.copytree(prepared_station, tmp_path, dirs_exist_ok=True)
    (tmp_path / "stick").mkdir()
    return {
        "data": tmp_path / "station",
        "identity": tmp_path / "centre-identity.txt",
        "pub": tmp_path / "BP-01.pub",
        "stick": tmp_path / "stick",
    }


def test_export_verify_and_intake_twice(operator: Operator, station, tmp_path: Path) -> None:
    exported = operator.json("export", "--to", station["stick"], "--data-dir", station["data"])
    batch = Path(exported["path"])
    verified = operator.json("verify", batch, "--trust", station["pub"])
    centre = ["--db", tmp_path / "centre.sqlite3", "--identity", station["identity"]]
    first = operator.json("intake", batch, *centre, "--trust", station["pub"])
    second = operator.json("intake", batch, *centre, "--trust", station["pub"])
    again = operator.ok("export", "--to", station["stick"], "--data-dir", station["data"])

    assert batch.name == "sohoa-BP-01-000001" and exported["marked_exported"] == exported["entries"]
    assert verified["valid"] is True and verified["uuid"] == exported["batch"]
    assert first["batches"][0]["outcome"] == "loaded"
    assert first["batches"][0]["new"] == exported["entries"]
    assert first["batches"][0]["summary_kept"] and not second["batches"][0]["summary_kept"]
    assert second["batches"][0]["outcome"] == "already loaded"
    assert (
        first["gaps"] == second["gaps"] == {"BP-01": {"missing": 0, "ranges": [], "more_ranges": 0}}
    )
    assert first["result"] == second["result"] == "all loaded"
    assert again.stdout.startswith("Nothing to export")


def test_a_lead_checks_their_own_stick_without_a_trust_list(operator, station) -> None:
    exported = operator.json("export", "--to", station["stick"], "--data-dir", station["data"])

    result = operator.ok("verify", exported["path"], "--data-dir", station["data"])

    assert "a whole batch, signed by station BP-01" in result.stdout


def test_a_damaged_batch_fails_with_one_line(operator, station) -> None:
    exported = operator.json("export", "--to", station["stick"], "--data-dir", station["data"])
    (Path(exported["path"]) / "data" / "extra.txt").write_text("x")

    result = operator("verify", exported["path"], "--trust", station["pub"])

    assert result.returncode == 1
    assert result.stderr == "sohoa verify: unexpected file data/extra.txt\n"


def test_intake_reports_a_missing_batch_and_fails_on_a_rejected_one(
    operator, station, tmp_path
) -> None:
    data, stick = station["data"], station["stick"]
    paths = []
    for seed in ("2", "3", "4"):
        paths.append(operator.json("export", "--to", stick, "--data-dir", data)["path"])
        operator.ok("demo", "--entries", "10", "--seed", seed, "--data-dir", data)
    centre = [
        "--db",
        tmp_path / "c.sqlite3",
        "--identity",
        station["identity"],
        "--trust",
        station["pub"],
    ]
    partial = Path(paths[1]).with_name(Path(paths[1]).name + ".partial")
    Path(paths[1]).rename(partial)

    result = operator("intake", paths[0], partial, paths[2], *centre)

    assert result.returncode == 1
    assert result.stderr.endswith("sohoa intake: 1 of 3 batches rejected\n")
    assert "sohoa-BP-01-000002.partial: REJECTED: " in result.stdout
    assert "Station BP-01: batch(es) 2 not received yet." in result.stdout


def test_a_batch_in_a_folder_named_in_another_encoding_loads_and_says_so(
    operator, station, tmp_path
) -> None:
    """A stick's folder named by an older system, in Latin-1: its name is no UTF-8."""
    exported = operator.json("export", "--to", station["stick"], "--data-dir", station["data"])
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/th\xe1ng-11"))
    folder.mkdir()
    batch = Path(exported["path"]).rename(folder / Path(exported["path"]).name)
    centre = ["--db", tmp_path / "c.sqlite3", "--identity", station["identity"]]

    result = operator("intake", batch, *centre, "--trust", station["pub"], "--json")

    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)["batches"][0]
    assert loaded["outcome"] == "loaded"
    assert loaded["path"].endswith("/th\\xe1ng-11/sohoa-BP-01-000001")


def test_a_lost_stick_is_written_again(operator, station, tmp_path) -> None:
    first = operator.json("export", "--to", station["stick"], "--data-dir", station["data"])
    other = tmp_path / "other-stick"
    other.mkdir()

    again = operator.json("export", "--to", other, "--again", "1", "--data-dir", station["data"])

    assert (again["batch"], again["sequence"], again["entries"]) == (
        first["batch"], 1, first["entries"]
    )  # fmt: skip
    assert again["marked_exported"] == 0


def test_the_plaintext_keyring_warns_at_every_use(operator, station) -> None:
    created = operator.ok(
        "init", "--station", "BP-02", "--office", "B", "--data-dir", station["data"].with_name("b")
    )
    exported = operator.ok("export", "--to", station["stick"], "--data-dir", station["data"])

    assert PLAINTEXT_WARNING in created.stderr
    assert PLAINTEXT_WARNING in exported.stderr


def test_a_plaintext_keyring_without_the_opt_in_is_refused(operator, tmp_path) -> None:
    result = operator(
        "init", "--station", "BP-01", "--office", "A", "--data-dir", tmp_path / "s",
        SOHOA_ALLOW_PLAINTEXT_KEYRING="",
    )  # fmt: skip
    export = operator(
        "export", "--to", tmp_path, "--data-dir", tmp_path / "s", SOHOA_ALLOW_PLAINTEXT_KEYRING=""
    )

    assert result.returncode == 0, "the station keys entries without a key"
    assert (
        "no signing key yet" in result.stderr and "SOHOA_ALLOW_PLAINTEXT_KEYRING=1" in result.stderr
    )
    assert export.returncode == 1
    assert export.stderr.count("\n") == 1 and "keeps secrets in a file" in export.stderr
    assert not (tmp_path / "xdg").exists(), "no secret was written to a file"


def test_a_station_made_without_a_keyring_gets_its_key_later(operator, tmp_path) -> None:
    data = tmp_path / "s"
    no_keyring = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    init = operator("init", "--station", "BP-01", "--office", "A", "--data-dir", data, **no_keyring)
    refused = operator("export", "--to", tmp_path, "--data-dir", data, **no_keyring)
    before = operator("key", "--public", "--data-dir", data)
    created = operator.json("key", "--create", "--data-dir", data)
    public = operator.ok("key", "--public", "--data-dir", data)

    assert init.returncode == 0 and "no OS keyring was found" in init.stderr
    assert refused.returncode == 1
    assert refused.stderr.startswith("sohoa export: cannot use the OS keyring: no OS keyring")
    assert before.returncode == 1 and "run `sohoa key --create`" in before.stderr
    assert public.stdout == created["pub_file"]
    assert public.stdout.startswith(
        f"untrusted comment: Sohoa station BP-01 minisign public key {created['key_id']}"
        f" fingerprint {created['fingerprint']}\n"
    )


def test_an_unloadable_keyring_backend_is_one_line(operator, station) -> None:
    result = operator(
        "export", "--to", station["stick"], "--data-dir", station["data"],
        PYTHON_KEYRING_BACKEND="no.such.Backend",
    )  # fmt: skip

    assert result.returncode == 1
    assert result.stderr.startswith("sohoa export: cannot use the OS keyring: the configured")
    assert result.stderr.count("\n") == 1


def test_the_centre_recipient_is_set_later(operator, tmp_path) -> None:
    data = tmp_path / "s"
    operator.ok("init", "--station", "BP-01", "--office", "A", "--data-dir", data)
    operator.ok("demo", "--entries", "10", "--data-dir", data)
    (tmp_path / "stick").mkdir()
    refused = operator("export", "--to", tmp_path / "stick", "--data-dir", data)
    recipient = operator.ok("centre-key", "--out", tmp_path / "centre.txt").stdout.strip()
    bad = operator("centre-recipient", "age1wrong", "--data-dir", data)
    operator.ok("centre-recipient", recipient, "--data-dir", data)
    shown = operator.json("centre-recipient", "--data-dir", data)
    exported = operator.json("export", "--to", tmp_path / "stick", "--data-dir", data)

    assert refused.returncode == 1 and "no centre recipient" in refused.stderr
    assert bad.returncode == 1 and "'age1wrong' is not an age recipient" in bad.stderr
    assert shown["recipients"] == [recipient]
    assert exported["entries"] > 0


def test_a_real_secret_service_keeps_the_signing_key(tmp_path: Path) -> None:
    """gnome-keyring's Secret Service in a D-Bus session of its own, as on a desktop."""
    dbus_run_session = tool("dbus-run-session", "dbus-daemon")
    daemon = tool("gnome-keyring-daemon", "gnome-keyring")
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "PYTHON_KEYRING_BACKEND",
            "SOHOA_ALLOW_PLAINTEXT_KEYRING",
            "DBUS_SESSION_BUS_ADDRESS",
        }
    }
    env |= {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    data, stick = tmp_path / "station", tmp_path / "stick"
    stick.mkdir()
    script = (
        f"printf unlock-password | {daemon} --unlock --components=secrets >/dev/null\n"
        f"{SOHOA} demo --entries 20 --data-dir {data}\n"
        f"{SOHOA} export --to {stick} --data-dir {data} --json\n"
    )

    result = subprocess.run(
        [dbus_run_session, "--", "bash", "-e", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr and "no signing key" not in result.stderr
    exported = json.loads(result.stdout[result.stdout.index("{") :])
    assert exported["marked_exported"] == exported["entries"] > 0
    assert list((home / "share" / "keyrings").glob("*.keyring")), "kept by gnome-keyring"
    assert not (home / "share" / "python_keyring").exists(), "no plaintext file"
