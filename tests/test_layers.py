"""The layers of pyproject.toml's contracts hold, and break when they should.

import-linter reads only what is a package, and a contract that cannot fail
proves nothing: so every folder of app/ must be a package, and a forbidden
import planted in each of them, in a copy of the tree, must be reported, as
must a part of app/ that imports one of the parts above it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONTRACTS = 4
# The modules of the pure core, which no database may reach.
PURE = ("specs", "rules", "values", "reference")


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(project / "pyproject.toml"), "--no-cache"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_of_the_tree(into: Path) -> Path:
    for part in ("app", "ui", "migrations", "pyproject.toml"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, into / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, into / part)
    return into


def subpackages() -> list[str]:
    return sorted(p.name for p in (ROOT / "app").iterdir() if (p / "__init__.py").exists())


def test_every_folder_of_app_is_a_package_the_contracts_read() -> None:
    folders = [p.name for p in (ROOT / "app").iterdir() if p.is_dir() and p.name != "__pycache__"]
    assert sorted(folders) == subpackages()


def test_the_layers_keep_their_contracts() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{CONTRACTS} kept, 0 broken" in result.stdout


def test_a_qt_import_in_any_part_of_app_breaks_the_contract(tmp_path: Path) -> None:
    tree = copy_of_the_tree(tmp_path)
    planted = ["app.sneaky", *(f"app.{name}.sneaky" for name in subpackages())]
    for module in planted:
        path = tree.joinpath(*module.split(".")).with_suffix(".py")
        path.write_text("from PySide6.QtCore import QObject\n")

    result = lint_imports(tree)

    assert result.returncode != 0
    missed = [module for module in planted if f"{module} -> PySide6" not in result.stdout]
    assert missed == [], result.stdout


def test_a_database_import_in_the_pure_core_breaks_its_contract(tmp_path: Path) -> None:
    tree = copy_of_the_tree(tmp_path)
    planted = [f"app.{name}.sneaky" for name in PURE]
    for module in planted:
        path = tree.joinpath(*module.split(".")).with_suffix(".py")
        path.write_text("from sqlalchemy.orm import Session\n")
    text = tree / "app" / "values" / "text.py"
    text.write_text(text.read_text() + "\nfrom app.db.models import Entry\n")

    result = lint_imports(tree)

    assert result.returncode != 0
    missed = [module for module in planted if f"{module} -> sqlalchemy" not in result.stdout]
    assert missed == [], result.stdout
    assert "app.values.text -> app.db.models" in result.stdout


def test_a_database_import_anywhere_in_ui_breaks_its_contract(tmp_path: Path) -> None:
    tree = copy_of_the_tree(tmp_path)
    parts = sorted(p.name for p in (ROOT / "ui").iterdir() if (p / "__init__.py").exists())
    planted = ["ui.sneaky", *(f"ui.{name}.sneaky" for name in parts)]
    for module in planted:
        path = tree.joinpath(*module.split(".")).with_suffix(".py")
        path.write_text("from sqlalchemy import select\n")

    result = lint_imports(tree)

    assert result.returncode != 0
    missed = [module for module in planted if f"{module} -> sqlalchemy" not in result.stdout]
    assert missed == [], result.stdout


def test_a_part_of_app_importing_one_above_it_breaks_the_layers(tmp_path: Path) -> None:
    tree = copy_of_the_tree(tmp_path)
    # The values are read by the keying: the keying read by the values is a cycle.
    (tree / "app" / "values" / "sneaky.py").write_text("import app.keying.save\n")

    result = lint_imports(tree)

    assert result.returncode != 0
    assert "no cycles between the parts of app/ BROKEN" in result.stdout, result.stdout
    assert "- .values -> .keying" in result.stdout, result.stdout
