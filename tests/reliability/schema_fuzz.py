"""Schema fuzzing: mutated real schemas and generated ones through the compiler. Allowed
outcomes: compiled (to parseable code whose names come only from the templates and validated
identifiers), or ``SchemaError`` at ``file:line:col`` with nothing written."""

from __future__ import annotations

import ast
import builtins
import functools
import random
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from generator import SchemaError, generate
from generator.compiler import render_dir
from tests.reliability.timeout import time_limit

REPO = Path(__file__).resolve().parent.parent.parent
CASE_SECONDS = 10.0
LOCATED = re.compile(r"^schemas/[a-z][a-z0-9_]*\.yaml:\d+:\d+: ")
#: Names an attack would need in generated code; none may ever appear as an identifier.
FORBIDDEN = {"__import__", "eval", "exec", "system", "open", "os", "pwned", "compile", "globals"}

HOSTILE_STRINGS = [
    "__import__('os').system('pwned')",
    "exec('pwned')",
    "eval('1')",
    "lambda: pwned",
    "[x for x in pwned]",
    "(pwned := 1)",
    "f'{pwned}'",
    "pwned.__class__.__bases__",
    "open('/etc/passwd').read()",
    'x"""; import os; """',
    "x'''; import os; '''",
    "a\\nb",
    "\\\\",
    "9 ** 99999999",
    "10 ** 400",
    "1e309",
    "(" * 60 + "1" + ")" * 60,
    "None",
    "True",
    "class",
    "import",
    "__init__",
    "getattr(num_hidden_layers, '__class__')",
]

NAMES = [
    "num_hidden_layers",
    "num_attention_heads",
    "hidden_size",
    "num_kv_heads",
    "kv_heads",
    "explicit_head_dim",
    "sliding_window",
    "max_position_embeddings",
    "layer_types",
    "i",
    "kind",
    "kinds",
    "pwned",
]
FUNCS = ["min", "max", "ceil_div", "coalesce", "len", "abs", "int", "pwned", "eval"]
BINOPS = ["+", "-", "*", "//", "/", "%", "**", "==", "!=", "<", ">=", "and", "or", "is", "in"]


def random_expr(rng: random.Random, depth: int = 0) -> str:
    """A random expression from the language's grammar plus the constructs it must refuse."""
    if depth > 4 or rng.random() < 0.3:
        return rng.choice(
            [
                rng.choice(NAMES),
                str(rng.choice([0, 1, -1, 2, 7, 4096, 2**62, 2**70])),
                rng.choice(["None", "True", "'full'", "'sliding'", "1.5", "[1, 2]", "'x'"]),
            ]
        )
    a, b = random_expr(rng, depth + 1), random_expr(rng, depth + 1)
    shape = rng.randrange(9)
    if shape <= 2:
        return f"({a} {rng.choice(BINOPS)} {b})"
    if shape == 3:
        return f"({a} if {random_expr(rng, depth + 1)} else {b})"
    if shape == 4:
        return f"{rng.choice(FUNCS)}({a}, {b})"
    if shape == 5:
        return f"not {a}"
    if shape == 6:
        return f"-{a}"
    if shape == 7:
        return f"{a}[{b}]"
    return rng.choice(HOSTILE_STRINGS)


SCALARS = [
    "null",
    "~",
    "1",
    "0",
    "-5",
    "2.5",
    "true",
    "'1'",
    "[]",
    "{}",
    "[1, [2]]",
    "{a: b}",
    "''",
    "!!python/object/apply:os.system ['pwned']",
    "!!binary aGk=",
    "&anchor x",
    "*anchor",
    "<<: {a: 1}",
    "|\n    block",
    ".inf",
    ".nan",
    "2001-12-14",
    "0x1F",
    "1_000",
    "'" + "a" * 300 + "'",
]


def _value(rng: random.Random) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return rng.choice(SCALARS)
    if choice == 1:
        return '"' + random_expr(rng).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(rng.choice(HOSTILE_STRINGS)).replace("\\\\", "\\")


def mutate_text(rng: random.Random, text: str) -> str:
    """One line-level mutation: delete, duplicate, swap, re-indent, retype, rename, insert."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    line = lines[i]
    op = rng.randrange(9)
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(i, line)
    elif op == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 3:
        lines[i] = line[2:] if line.startswith("  ") and rng.random() < 0.5 else "  " + line
    elif op in (4, 5) and ":" in line:
        key, _, _ = line.partition(":")
        lines[i] = f"{key}: {_value(rng)}"
    elif op == 6 and ":" in line:
        indent = line[: len(line) - len(line.lstrip())]
        name = rng.choice([*NAMES, *HOSTILE_STRINGS, "extends", "kvarch", "Bad Name", "2x"])
        lines[i] = f"{indent}{name!r}:{line.partition(':')[2]}"
    elif op == 7:
        indent = line[: len(line) - len(line.lstrip())]
        lines.insert(i + 1, f'{indent}{rng.choice(NAMES)}: "{random_expr(rng)}"')
    else:
        cut = rng.randrange(len(text) + 1)
        return text[:cut] + rng.choice(["\t", ":", "'", '"', "{", "[", "&a", "*a", "\x00", "#"])
    return "\n".join(lines)


def _ancestors(stem: str) -> list[str]:
    """``stem`` and the schemas it extends (read from the repository's files)."""
    chain = [stem]
    while True:
        found = re.search(
            r"^extends:\s*(\w+)", (REPO / "schemas" / f"{chain[-1]}.yaml").read_text(), re.M
        )
        if found is None or found.group(1) in chain:
            return chain
        chain.append(found.group(1))


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Every identifier in the committed generated package, and every type name an input may
    declare and every function an expression may call (a schema set may use a type or function
    no committed schema does): the templates' vocabulary."""
    from generator.expr import FUNCTIONS
    from generator.schema import INPUT_TYPES

    names: set[str] = set()
    for path in (REPO / "generated").glob("*.py"):
        names |= identifiers(path.read_text())
    for type_name in INPUT_TYPES:
        names |= {w for w in re.findall(r"[A-Za-z_]\w*", type_name) if hasattr(builtins, w)}
    for target, _ in FUNCTIONS.values():  # e.g. min, rt.ceil_div
        names |= set(target.split("."))
    return frozenset(names)


def identifiers(source: str) -> set[str]:
    """Names, attributes, function/class names, arguments and imported modules in ``source``."""
    found = set()
    for n in ast.walk(ast.parse(source)):
        for attr in ("id", "attr", "name", "arg", "module"):
            value = getattr(n, attr, None)
            if isinstance(value, str):
                found.add(value)
    return found


@dataclass
class Report:
    """Outcomes of a fuzz run, and every contract violation with its input."""

    cases: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[dict[str, str], str]] = field(default_factory=list)


class Workspace:
    """A scratch project: ``schemas/`` to compile and a ``generated/`` that must stay intact."""

    def __init__(self, root: Path) -> None:
        self.schemas = root / "schemas"
        self.out = root / "generated"
        self.written = root / "written" / "generated"
        """Where accepted schema sets are really generated (formatted, written)."""
        self.vocabulary = set(_vocabulary())
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / "__init__.py").write_text("# sentinel: must never change on error\n")

    def _listing(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(self.out.iterdir())}

    def check(self, files: dict[str, str]) -> str:
        """Compile ``files`` (stem -> YAML); the outcome, or ``AssertionError``."""
        shutil.rmtree(self.schemas, ignore_errors=True)
        self.schemas.mkdir()
        for stem, text in files.items():
            (self.schemas / f"{stem}.yaml").write_text(
                text, encoding="utf-8", errors="surrogatepass"
            )
        before = self._listing()
        with time_limit(CASE_SECONDS):
            try:
                result = render_dir(self.schemas)
            except SchemaError as exc:
                assert LOCATED.match(str(exc)) and exc.loc.line >= 1, f"not located: {exc}"
                try:
                    generate(self.schemas, self.out)
                except SchemaError as again:
                    assert str(again) == str(exc), f"generate disagrees: {again} vs {exc}"
                else:
                    raise AssertionError("generate wrote a schema set render_dir refused")
                assert self._listing() == before, "a file was written on error"
                return "SchemaError"
        declared = {"generated", "kvarch", "schema_runtime"}
        for s in result.schemas:
            declared |= {s.class_name, s.stem, f"generated.{s.stem}"}
            declared |= {*(i.name for i in s.inputs), *(d.name for d in s.derived)}
        for name, source in result.files.items():
            names = identifiers(source)  # raises SyntaxError on broken output
            assert not names & FORBIDDEN, f"{name}: {sorted(names & FORBIDDEN)}"
            stray = names - self.vocabulary - declared
            assert not stray, f"{name}: identifiers from no template: {sorted(stray)}"
        shutil.rmtree(self.written, ignore_errors=True)
        with time_limit(CASE_SECONDS):
            paths = generate(self.schemas, self.written)  # ruff-formatted, written atomically
        assert sorted(p.name for p in paths) == sorted(result.files)
        for path in paths:
            ast.parse(path.read_text(encoding="utf-8"))
        return "compiled"


def run(ws: Workspace, report: Report, files: dict[str, str]) -> None:
    """One case into ``report``."""
    report.cases += 1
    try:
        report.outcomes[ws.check(files)] += 1
    except Exception as exc:  # the contract: nothing else escapes
        report.outcomes["FAILURE"] += 1
        report.failures.append((files, f"{type(exc).__name__}: {exc}"[:500]))


def fuzz_mutations(root: Path, cases: int, seed: int = 0) -> Report:
    """``cases`` schema sets: one real schema (with its parents) mutated 1-4 times."""
    rng = random.Random(seed)
    ws = Workspace(root)
    stems = sorted(p.stem for p in (REPO / "schemas").glob("*.yaml"))
    texts = {s: (REPO / "schemas" / f"{s}.yaml").read_text() for s in stems}
    report = Report()
    for _ in range(cases):
        chain = _ancestors(rng.choice(stems))
        files = {s: texts[s] for s in chain}
        target = rng.choice(chain)
        for _ in range(rng.randint(1, 4)):
            files[target] = mutate_text(rng, files[target])
        run(ws, report, files)
    return report


def schema_dicts() -> st.SearchStrategy[dict[str, Any]]:
    """Hypothesis: schema mappings over the language's structure, mostly valid (each part
    is valid with a good chance, so that enough whole schemas compile) or near-valid."""

    def mostly(valid: st.SearchStrategy[Any], hostile: st.SearchStrategy[Any]) -> Any:
        return st.integers(0, 9).flatmap(lambda k: valid if k < 8 else hostile)

    name = mostly(
        st.sampled_from(["extra_a", "extra_b", "width2", "n_extra"]),
        st.one_of(
            st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True),
            st.sampled_from(HOSTILE_STRINGS),
        ),
    )
    valid_expr = st.sampled_from(
        ["num_hidden_layers", "hidden_size // num_attention_heads", "num_attention_heads", "8"]
    )
    expr = mostly(
        valid_expr,
        st.one_of(st.randoms(use_true_random=False).map(random_expr), st.integers(-3, 2**64)),
    )
    inp = st.fixed_dictionaries(
        {
            "type": st.sampled_from(
                ["int", "float", "bool", "str", "list[str]", "list[int]", "object"]
            )
        },
        optional={
            "from": st.one_of(name, st.lists(name, max_size=3)),
            "default": st.one_of(
                st.none(),
                st.integers(-2, 9),
                st.text(max_size=5),
                st.lists(st.integers(0, 3), max_size=2),
            ),
            "min": st.one_of(st.integers(-1, 2), st.floats(allow_nan=False, allow_infinity=False)),
            "keep_null": st.booleans(),
            "description": st.text(max_size=30),
        },
    )
    base_inputs = {
        "num_hidden_layers": {"type": "int", "min": 1},
        "num_attention_heads": {"type": "int", "min": 1},
        "hidden_size": {"type": "int", "min": 1},
    }
    return st.fixed_dictionaries(
        {
            "kvarch": mostly(st.just(1), st.sampled_from([2, "1", None])),
            "class": mostly(
                st.just("ToyConfig"), st.sampled_from(["toy", "None", "Toy Config", 'T"y'])
            ),
            "model_types": mostly(st.just(["toy"]), st.lists(st.text(max_size=8), max_size=2)),
            "inputs": st.dictionaries(name, inp, max_size=3).map(
                lambda extra: {**base_inputs, **extra}
            ),
            "derived": st.dictionaries(name, expr, max_size=3),
            "layers": st.fixed_dictionaries(
                {
                    "count": expr,
                    "kind": mostly(st.just("full"), st.sampled_from(["sliding", "none", "x"])),
                    "num_kv_heads": expr,
                    "head_dim": expr,
                },
                optional={"window": expr, "kv_source": expr},
            ),
            "max_length": expr,
        },
        optional={
            "description": st.text(max_size=40),
            "checks": st.lists(
                st.fixed_dictionaries(
                    {"expr": expr, "field": name, "message": st.text(max_size=20)}
                ),
                max_size=2,
            ),
            "mla": st.fixed_dictionaries({"latent_dim": expr}),
        },
    )
