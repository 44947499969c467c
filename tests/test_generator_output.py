"""generate / check: deterministic output, drift detection, stale-module removal, scaffold."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from generator import SchemaError, check, compile_dir, generate, scaffold
from generator.compiler import render_dir
from generator.stamp import stamp

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the repository's schemas and a generated package built from them."""
    schemas = tmp_path / "schemas"
    shutil.copytree(REPO / "schemas", schemas, ignore=shutil.ignore_patterns("*.json"))
    out = tmp_path / "generated"
    out.mkdir()
    generate(schemas, out)
    return schemas, out


def test_the_committed_generated_package_is_up_to_date() -> None:
    assert check(REPO / "schemas", REPO / "generated") == []


def test_generate_twice_changes_nothing(project: tuple[Path, Path]) -> None:
    schemas, out = project
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert generate(schemas, out) == []
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert check(schemas, out) == []


def test_output_is_identical_to_the_committed_package(project: tuple[Path, Path]) -> None:
    _, out = project
    for path in out.glob("*.py"):
        assert path.read_bytes() == (REPO / "generated" / path.name).read_bytes(), path.name


def test_hand_edit_is_reported_with_the_file(project: tuple[Path, Path]) -> None:
    schemas, out = project
    target = out / "llama.py"
    target.write_text(target.read_text().replace("2048", "4096"))
    drift = check(schemas, out)
    assert [(d.path.name, "hand-edited" in d.reason) for d in drift] == [("llama.py", True)]
    assert generate(schemas, out) == [target]
    assert check(schemas, out) == []


def test_stale_schema_is_reported(project: tuple[Path, Path]) -> None:
    schemas, out = project
    path = schemas / "gemma2.yaml"
    path.write_text(path.read_text().replace("default: 8192", "default: 4096"))
    children = {
        p.stem + ".py" for p in schemas.glob("*.yaml") if "extends: gemma2\n" in p.read_text()
    }
    stale = {d.path.name for d in check(schemas, out)}
    # gemma2 itself, and only children that inherit the changed default
    assert "gemma2.py" in stale and stale <= {"gemma2.py"} | children


def _descendants(schemas: Path, root: str) -> set[str]:
    """Stems of the schemas that extend (or are based on) ``root``, directly or not."""
    parent = {}
    for p in schemas.glob("*.yaml"):
        for line in p.read_text().splitlines():
            if line.startswith(("extends:", "based_on:")):
                parent[p.stem] = line.split(":", 1)[1].strip()
    found: set[str] = set()
    for stem in parent:
        node = stem
        while node in parent:
            node = parent[node]
            if node == root:
                found.add(stem)
                break
    return found


def test_a_change_in_a_parent_schema_reaches_the_children_that_restate_it(
    project: tuple[Path, Path],
) -> None:
    schemas, out = project
    path = schemas / "llama.yaml"
    text = path.read_text()
    # children inherit the kv_heads property: only the modules that state it go stale
    path.write_text(text.replace("description: KV heads per layer.", "description: N."))
    stated = 'def kv_heads(self) -> int:\n        """KV heads per layer."""'
    restating = {
        f"{stem}.py"
        for stem in _descendants(schemas, "llama") | {"llama"}
        if stated in (out / f"{stem}.py").read_text()
    }
    assert "llama.py" in restating and len(restating) < 10
    assert {d.path.name for d in check(schemas, out)} == restating
    # mistral and qwen3 re-declare max_position_embeddings (their own default): they restate it
    path.write_text(text.replace("    default: 2048\n    min: 1", "    default: 2048\n    min: 2"))
    stale = {d.path.name for d in check(schemas, out)}
    assert {"llama.py", "mistral.py", "qwen3.py"} <= stale
    assert "deepseek_v3.py" not in stale and "olmo.py" not in stale


def test_removed_schema_deletes_its_module_only(project: tuple[Path, Path]) -> None:
    schemas, out = project
    texts = {p.stem: p.read_text() for p in schemas.glob("*.yaml")}
    leaf = next(s for s in sorted(texts) if all(f"extends: {s}\n" not in t for t in texts.values()))
    (schemas / f"{leaf}.yaml").unlink()
    (out / "notes.py").write_text("# hand-written, not generated\n")
    drift = check(schemas, out)
    assert {d.path.name for d in drift} == {f"{leaf}.py", "__init__.py", "notes.py"}
    generate(schemas, out)
    assert not (out / f"{leaf}.py").exists()
    assert (out / "notes.py").exists()  # not the compiler's: left alone, and reported
    assert [str(d) for d in check(schemas, out)] == [
        f"{out / 'notes.py'}: not compiler output (the package holds only generated files)"
    ]
    assert f".{leaf} import" not in (out / "__init__.py").read_text()


def test_a_broken_schema_writes_nothing(project: tuple[Path, Path]) -> None:
    schemas, out = project
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (schemas / "gemma2.yaml").write_text((schemas / "gemma2.yaml").read_text() + "\nbogus: 1\n")
    (schemas / "llama.yaml").write_text(
        (schemas / "llama.yaml").read_text().replace("2048", "1024")
    )
    with pytest.raises(SchemaError, match=r"schemas/gemma2.yaml:\d+:1: unknown key 'bogus'"):
        generate(schemas, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cli_exit_codes(project: tuple[Path, Path]) -> None:
    schemas, out = project

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [
            sys.executable,
            "-m",
            "generator",
            *args,
            "--schemas",
            str(schemas),
            "--out",
            str(out),
        ]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, check=False)

    assert run("check").returncode == 0
    (out / "qwen3.py").write_text((out / "qwen3.py").read_text() + "# edit\n")
    failed = run("check")
    assert failed.returncode == 1 and "qwen3.py" in failed.stderr
    assert run("generate").returncode == 0
    assert run("check").returncode == 0
    (schemas / "qwen3.yaml").write_text("model_types: [\n")
    broken = run("generate")
    assert broken.returncode == 1 and "qwen3.yaml:" in broken.stderr


def test_scaffold_writes_a_schema_that_compiles(tmp_path: Path) -> None:
    path = scaffold("my_model", tmp_path)
    assert path == tmp_path / "my_model.yaml"
    result = compile_dir(tmp_path)
    assert [s.class_name for s in result.schemas] == ["MyModelConfig"]
    assert "'my_model': 'my_model:MyModelConfig'," in result.files["__init__.py"].replace('"', "'")
    with pytest.raises(SchemaError, match="already exists"):
        scaffold("my_model", tmp_path)
    with pytest.raises(SchemaError, match="must match"):
        scaffold("../evil", tmp_path)


def test_check_needs_no_formatter_and_tolerates_another_formatter_version(
    project: tuple[Path, Path],
) -> None:
    schemas, out = project
    rendered = render_dir(schemas).files["llama.py"]
    header, _, body = (out / "llama.py").read_text().partition("\n")
    _, _, body = body.partition("\n")  # drop the digest line
    reformatted = f"{header}\n{body.replace('    ', '  ')}"  # what another ruff might emit
    (out / "llama.py").write_text(stamp(reformatted, rendered))
    assert check(schemas, out) == []
    assert generate(schemas, out) == []
    (out / "llama.py").write_text(f"{header}\n{body}")  # digest line removed
    assert [d.reason for d in check(schemas, out)] == [
        "hand-edited (its kvarch-digest line is missing)"
    ]


@pytest.mark.parametrize("broken", ["empty", "raising"])
def test_check_works_with_an_empty_or_broken_generated_package(
    project: tuple[Path, Path], broken: str
) -> None:
    """The compiler never imports its output: a broken package is reported, not crashed on."""
    schemas, out = project
    if broken == "empty":
        shutil.rmtree(out)
        out.mkdir()
    else:
        (out / "__init__.py").write_text("raise RuntimeError('broken')\n")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--schemas", str(schemas), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert f"stale: {out / '__init__.py'}: " in proc.stderr and "Traceback" not in proc.stderr


def test_imports_run_one_way() -> None:
    """``generator`` never imports ``generated``; ``kvarch`` reaches it only via its registry
    module (lazily); ``generated`` holds only compiler output, which imports ``kvarch``."""
    for path in sorted((REPO / "generator").rglob("*.py")) + sorted(
        (REPO / "kvarch").rglob("*.py")
    ):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.split(".")[0] == "generated" for n in names), path
    registry = (REPO / "kvarch" / "registry.py").read_text(encoding="utf-8")
    assert 'PACKAGE = "generated"' in registry


def test_the_committed_package_is_thin() -> None:
    """Issue 12's targets: generated/ at most 1.5x the lines of schemas/, no ruff exemptions."""
    generated = sorted((REPO / "generated").glob("*.py"))
    lines = sum(len(p.read_text().splitlines()) for p in generated)
    schema_lines = sum(len(p.read_text().splitlines()) for p in (REPO / "schemas").glob("*.yaml"))
    assert lines <= 1.5 * schema_lines, (lines, schema_lines)
    assert not [p.name for p in generated if "# ruff: noqa" in p.read_text()]


#: The longest run of lines two places in generated/ may share (issue 12).
MAX_SHARED_LINES = 12
_TRIVIAL = re.compile(r"[()\[\]{},:]*")


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """``path``'s lines as the ``duplicates`` tool reads them: white space folded; blank lines,
    comments, lone punctuation and imports passed over."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = " ".join(line.split())
        if _TRIVIAL.fullmatch(text) or text.startswith(("#", "import ", "from ")):
            continue
        out.append((number, text))
    return out


def _repeats(paths: list[Path], window: int) -> list[str]:
    """Each place where ``window`` code lines stand again (a line-window hash)."""
    seen: dict[int, tuple[str, int]] = {}
    repeats = []
    for path in paths:
        lines = _code_lines(path)
        for k in range(len(lines) - window + 1):
            key = hash(tuple(text for _, text in lines[k : k + window]))
            first = seen.setdefault(key, (path.name, k))
            if first != (path.name, k) and (first[0] != path.name or k - first[1] >= window):
                repeats.append(f"{first[0]} ~ {path.name}:{lines[k][0]}")
    return repeats


def test_no_two_places_in_generated_share_more_than_twelve_lines() -> None:
    """Issue 12: the compiler's output does not repeat itself: no run of more than
    MAX_SHARED_LINES code lines stands in two places (the ``duplicates`` tool's check of
    identical runs; it cannot run in CI)."""
    paths = sorted((REPO / "generated").glob("*.py"))
    repeats = _repeats(paths, MAX_SHARED_LINES + 1)
    assert not repeats, repeats[:10]


_TOKENS = re.compile(r"""[A-Za-z_]\w*|[0-9][\w.]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\S""")
_STATEMENT_WORDS = {"if", "for", "while", "return", "else", "elif", "try", "except", "with"}
_STATEMENT_WORDS |= {"raise", "yield", "assert", "del", "continue", "break"}
_ASSIGN = re.compile(r"(?<![=!<>]) = (?![=>])")
#: A shape standing in more places than this is too common for ``duplicates`` to list.
_TOO_COMMON = 8


def _shape(text: str) -> str:
    """A code line's shape: each name ``x``, string ``s`` and number ``0``; the rest kept."""
    kinds = {'"': "s", "'": "s", **dict.fromkeys("0123456789", "0")}
    return " ".join(
        "x" if t[0].isalpha() or t[0] == "_" else kinds.get(t[0], t) for t in _TOKENS.findall(text)
    )


def _statement(text: str, shape: str) -> bool:
    first = _TOKENS.match(text)
    return (
        (first is not None and first.group() in _STATEMENT_WORDS)
        or _ASSIGN.search(f" {shape} ") is not None
        or len(shape.split()) >= 8
    )


def _shape_pairs(paths: list[Path], window: int) -> list[tuple[str, str]]:
    """The file pairs that ``duplicates`` lists as sharing ``window`` lines of the same shape
    (other names, strings and numbers): as it reads them, docstring lines are passed over too,
    a window needs some substance (4 tokens a line, 2 statements), and a shape standing in
    more than eight places is boilerplate it does not list."""
    places: dict[tuple[str, ...], list[tuple[str, int, int]]] = defaultdict(list)
    for path in paths:
        rows = [
            (n, text, _shape(text))
            for n, text in _code_lines(path)
            if len(text) >= 3 and not text.startswith(('"""', "'''"))
        ]
        for k in range(len(rows) - window + 1):
            chunk = rows[k : k + window]
            shapes = tuple(shape for _, _, shape in chunk)
            thin = sum(len(shape.split()) for shape in shapes) < 4 * window
            if thin or sum(_statement(text, shape) for _, text, shape in chunk) < 2:
                continue
            places[shapes].append((path.name, chunk[0][0], chunk[-1][0]))
    pairs = set()
    for group in places.values():
        if len(group) <= _TOO_COMMON:
            for i, (a, _, last) in enumerate(group):
                pairs |= {(a, b) for b, start, _ in group[i + 1 :] if a != b or start > last}
    return sorted(pairs)


def test_no_two_places_in_generated_share_more_than_twelve_lines_of_one_shape() -> None:
    """Issue 12, as the ``duplicates`` tool reads it (``duplicates --repo generated
    --min-lines 13``): no two places share a run of 13 lines alike but for names and values."""
    paths = sorted((REPO / "generated").glob("*.py"))
    assert _shape_pairs(paths, MAX_SHARED_LINES + 1) == []


def test_the_shape_check_finds_a_renamed_repeat(tmp_path: Path) -> None:
    body = "".join(f"x{i}: rt.Positive = {i}\n" for i in range(MAX_SHARED_LINES + 1))
    (tmp_path / "a.py").write_text('"""Doc."""\n' + body)
    renamed = re.sub(r"x(\d+)", r"y_\1", body).replace("= 3", "= 30")
    (tmp_path / "b.py").write_text(renamed)
    (tmp_path / "c.py").write_text(body.replace("x5: rt.Positive", "x5: int"))
    paths = sorted(tmp_path.glob("*.py"))
    assert _shape_pairs(paths, MAX_SHARED_LINES + 1) == [("a.py", "b.py")]
    assert _shape_pairs(paths, MAX_SHARED_LINES + 2) == []
    # a shape standing in more than eight places is too common to list, as the tool has it
    for k in range(_TOO_COMMON):
        (tmp_path / f"d{k}.py").write_text(body)
    assert _shape_pairs(sorted(tmp_path.glob("*.py")), MAX_SHARED_LINES + 1) == []


def test_the_shared_lines_check_finds_a_repeat(tmp_path: Path) -> None:
    body = "".join(f"x{i} = {i}\n" for i in range(MAX_SHARED_LINES + 1))
    (tmp_path / "a.py").write_text("import os\n\n" + body + ")\n")
    (tmp_path / "b.py").write_text("# other\n" + body.replace("x0 = 0", "y = 1"))
    (tmp_path / "c.py").write_text("y = 2\n" + body)
    assert [n for n, _ in _code_lines(tmp_path / "a.py")] == list(range(3, 16))
    paths = sorted(tmp_path.glob("*.py"))
    assert _repeats(paths[:2], MAX_SHARED_LINES + 1) == []  # 12 shared lines are allowed
    assert _repeats(paths, MAX_SHARED_LINES + 1) == ["a.py ~ c.py:2"]
