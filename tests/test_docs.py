"""The documents an engineer finds their way by name what exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"
README = ROOT / "README.md"
QUOTED = re.compile(r"`([^`\s]+)`")


def named_paths(text: str) -> set[str]:
    return {
        name.rstrip(".,:")
        for name in QUOTED.findall(text)
        if "/" in name and not name.startswith(("http", "/", "-"))
    }


def named_modules(text: str) -> set[str]:
    return {name for name in QUOTED.findall(text) if re.fullmatch(r"(app|ui)(\.\w+)+", name)}


def defines(module: Path, name: str) -> bool:
    tree = ast.parse(module.read_text())
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name == name:
            return True
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return True
    return False


def resolves(dotted: str) -> bool:
    """``app.keying.save`` names a module; ``app.keying.save.save_entry`` one
    of its functions, classes or constants."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        base = ROOT.joinpath(*parts[:cut])
        module = base.with_suffix(".py") if not base.is_dir() else base / "__init__.py"
        if module.exists():
            rest = parts[cut:]
            return not rest or (len(rest) == 1 and defines(module, rest[0]))
    return False


def test_every_path_the_architecture_names_exists() -> None:
    text = ARCHITECTURE.read_text()
    paths = named_paths(text)

    assert len(paths) > 40, "the page names the code it describes"
    # A part of app/ is named as the page's list names it (`keying/`), and a
    # pattern (`tests/test_ui_*.py`) names what it matches.
    assert (
        sorted(p for p in paths if not any(ROOT.glob(p)) and not (ROOT / "app" / p).is_dir()) == []
    )


def test_every_path_and_module_of_the_repository_the_readme_names_exists() -> None:
    text = README.read_text()
    # The README also names where a station keeps its files (`backups/`,
    # `~/.local/share/Sohoa`): only the repository's own are checked here.
    ours = ("app/", "ui/", "tests/", "docs/", "resources/", "packaging/", "migrations/")
    paths = {p for p in named_paths(text) if p.startswith(ours)}

    assert len(paths) > 10
    assert sorted(p for p in paths if not any(ROOT.glob(p))) == []
    assert sorted(m for m in named_modules(text) if not resolves(m)) == []


def test_every_module_the_architecture_names_exists() -> None:
    modules = named_modules(ARCHITECTURE.read_text())

    assert modules, "the page names modules by their dotted path too"
    assert sorted(m for m in modules if not resolves(m)) == []


def test_every_part_of_app_is_in_the_readme_and_on_the_architecture_page() -> None:
    parts = sorted(p.name for p in (ROOT / "app").iterdir() if (p / "__init__.py").exists())
    architecture = ARCHITECTURE.read_text()
    readme_layout = README.read_text().split("## How it is built", 1)[1].split("```")[1]

    assert [p for p in parts if f"`{p}/`" not in architecture] == []
    assert [p for p in parts if not re.search(rf"^  {p}/ ", readme_layout, re.M)] == []


def test_every_part_of_ui_is_in_the_readme_and_on_the_architecture_page() -> None:
    parts = sorted(p.name for p in (ROOT / "ui").iterdir() if (p / "__init__.py").exists())
    architecture = ARCHITECTURE.read_text()
    readme_layout = README.read_text().split("## How it is built", 1)[1].split("```")[1]
    ui_layout = readme_layout.split("\nui/", 1)[1].split("\nmigrations/", 1)[0]

    assert [p for p in parts if f"`ui/{p}/" not in architecture] == []
    assert [p for p in parts if not re.search(rf"^  {p}/ ", ui_layout, re.M)] == []


def test_the_readme_layout_names_only_folders_that_exist() -> None:
    layout = README.read_text().split("## How it is built", 1)[1].split("```")[1]
    top = ""
    missing = []
    for line in layout.splitlines():
        match = re.match(r"^( *)(\S+/)\s", line)
        if not match:
            continue
        folder = match.group(2) if not match.group(1) else top + match.group(2)
        if not match.group(1):
            top = match.group(2)
        if not (ROOT / folder).is_dir():
            missing.append(folder)

    assert missing == []


def test_nothing_points_to_a_design_file_outside_the_repository() -> None:
    tracked = [
        p
        for p in ROOT.rglob("*")
        if p.suffix in {".py", ".md", ".toml"}
        and not any(part.startswith(".") or part == "build" for part in p.relative_to(ROOT).parts)
        and p != Path(__file__)
    ]

    assert [str(p.relative_to(ROOT)) for p in tracked if "DESIGN.md" in p.read_text()] == []
