"""Schema language: per-layer ``let`` names, and ``{inherit: FIELD}`` items that take a parent's
checks by name instead of restating them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import SchemaError, compile_dir, load_schemas
from kvarch import ConfigError
from kvarch.dtype import DType

REPO = Path(__file__).resolve().parent.parent

PARENT = """\
model_types: [{stem}]
inputs:
  n: {{type: int, from: num_hidden_layers, min: 1}}
  heads: {{type: int, from: num_attention_heads, min: 1}}
  kv: {{type: int, from: num_key_value_heads, min: 1}}
  width: {{type: int, from: hidden_size, min: 1}}
  window: {{type: int, from: sliding_window, default: 4, min: 1}}
checks:
  - {{expr: heads % kv == 0, field: kv, message: a divisor of heads}}
  - {{expr: width % heads == 0, field: width, message: a multiple of heads}}
layers:
  count: n
  num_kv_heads: kv
  head_dim: width // heads
max_length: 64
"""


def build(tmp_path: Path, schemas: dict[str, str]) -> dict[str, str]:
    for stem, text in schemas.items():
        (tmp_path / f"{stem}.yaml").write_text(text)
    return compile_dir(tmp_path).files


def load(source: str, name: str) -> type:
    namespace: dict[str, object] = {}
    exec(compile(source, "<generated>", "exec", dont_inherit=True), namespace)
    found = namespace[name]
    assert isinstance(found, type)
    return found


def test_let_names_a_per_layer_value_once(tmp_path: Path) -> None:
    body = PARENT.format(stem="toy").replace(
        "layers:\n  count: n\n",
        "layers:\n  let:\n    half: n // 2\n    upper: i >= half\n"
        "    wide: 2 * window if kind == 'sliding' and upper else window\n"
        "  count: n\n  kind: {expr: \"'full' if upper else 'sliding'\"}\n  window: wide\n",
    )
    source = build(tmp_path, {"toy": body})["toy.py"]
    # each name is one method, called where used with the layer locals it reads
    assert "def _let_half(self) -> int:" in source
    assert "def _let_upper(self, i: int) -> bool:" in source
    assert "def _let_wide(self, i: int, kind: str) -> int:" in source
    assert "self._let_upper(i)" in source and source.count("_let_half") == 2
    cfg = load(source, "ToyConfig").from_hf_config(
        {"num_hidden_layers": 4, "num_attention_heads": 2, "num_key_value_heads": 1,
         "hidden_size": 16}
    )  # fmt: skip
    assert [(s.kind, s.window) for s in cfg.layers()] == [
        ("sliding", 4), ("sliding", 4), ("full", None), ("full", None)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("let", "message"),
    [
        ("    n: i\n", "let 'n' shadows a name already in scope"),
        (
            "    k: kind == 'full'\n  kind: {expr: \"'full' if k else 'sliding'\"}\n",
            "unknown name 'k'",
        ),
        ("    x: nope + 1\n", "unknown name 'nope'"),
    ],
)
def test_let_errors_are_located(tmp_path: Path, let: str, message: str) -> None:
    body = PARENT.format(stem="toy").replace("layers:\n", "layers:\n  let:\n" + let)
    (tmp_path / "toy.yaml").write_text(body)
    with pytest.raises(SchemaError, match=message):
        load_schemas(tmp_path)


def test_inherit_takes_the_parents_checks_by_field_in_place(tmp_path: Path) -> None:
    child = (
        "extends: toy\nclass: ChildConfig\nmodel_types: [child]\n"
        "checks:\n  - {expr: kv % 2 == 0, field: kv, message: even}\n  - inherit: kv\n"
    )
    files = build(tmp_path, {"toy": PARENT.format(stem="toy"), "child": child})
    good = {"num_hidden_layers": 2, "num_attention_heads": 4, "hidden_size": 6}
    sys_modules_free = files["child.py"].replace("from generated.toy import ToyConfig\n", "")
    namespace: dict[str, object] = {"ToyConfig": load(files["toy.py"], "ToyConfig")}
    exec(compile(sys_modules_free, "<child>", "exec", dont_inherit=True), namespace)
    cls = namespace["ChildConfig"]
    assert "a multiple of heads" not in files["child.py"]  # width's check is not taken
    with pytest.raises(ConfigError, match=r"kv \(from num_key_value_heads\): got 3; expected even"):
        cls.from_hf_config({**good, "num_key_value_heads": 3})  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match=r"\): got 8; expected a divisor of heads"):
        cls.from_hf_config({**good, "num_key_value_heads": 8})  # type: ignore[attr-defined]
    cls.from_hf_config({**good, "num_key_value_heads": 2})  # type: ignore[attr-defined]


def test_a_child_calls_its_parents_leading_checks_and_runs_no_other(tmp_path: Path) -> None:
    # the parent's second check divides by heads - kv: it must not run for the child
    parent = PARENT.format(stem="toy").replace("width % heads == 0", "width % (heads - kv) == 0")
    child = (
        "extends: toy\nclass: ChildConfig\nmodel_types: [child]\n"
        "checks:\n  - inherit: kv\n  - {expr: width % 2 == 0, field: width, message: even}\n"
    )
    files = build(tmp_path, {"toy": parent, "child": child})
    assert "yield from rt.first_checks(super()._checks(), 1)" in files["child.py"]
    assert "a divisor of heads" not in files["child.py"]  # called, not restated
    sys_modules_free = files["child.py"].replace("from generated.toy import ToyConfig\n", "")
    namespace: dict[str, object] = {"ToyConfig": load(files["toy.py"], "ToyConfig")}
    exec(compile(sys_modules_free, "<child>", "exec", dont_inherit=True), namespace)
    cls = namespace["ChildConfig"]
    good = {"num_hidden_layers": 2, "num_attention_heads": 2, "num_key_value_heads": 2}
    assert cls.from_hf_config({**good, "hidden_size": 4}).num_layers == 2  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match=r"got 3; expected even"):
        cls.from_hf_config({**good, "hidden_size": 3})  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match=r"got 3; expected a divisor of heads"):
        cls.from_hf_config({**good, "num_key_value_heads": 3, "hidden_size": 4})  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match=r"schema expression"):  # the parent does run it
        namespace["ToyConfig"].from_hf_config({**good, "hidden_size": 4})  # type: ignore[attr-defined]


def test_inherit_errors(tmp_path: Path) -> None:
    (tmp_path / "toy.yaml").write_text(PARENT.format(stem="toy"))
    (tmp_path / "child.yaml").write_text(
        "extends: toy\nmodel_types: [c]\nchecks:\n  - inherit: n\n"
    )
    with pytest.raises(SchemaError, match="inherit 'n': no check of toy reports it"):
        load_schemas(tmp_path)
    (tmp_path / "child.yaml").unlink()
    (tmp_path / "toy.yaml").write_text(PARENT.format(stem="toy") + "  - inherit: kv\n")
    body = PARENT.format(stem="toy").replace("checks:\n", "checks:\n  - inherit: kv\n")
    (tmp_path / "toy.yaml").write_text(body)
    with pytest.raises(SchemaError, match="'inherit' takes a check of the schema named by"):
        load_schemas(tmp_path)


def test_no_schema_restates_a_parents_check() -> None:
    schemas = {s.stem: s for s in load_schemas(REPO / "schemas")}
    for s in schemas.values():
        if s.parent is None:
            continue
        theirs = {(c.expr.source, c.message) for c in schemas[s.parent].checks}
        raw = (REPO / "schemas" / f"{s.stem}.yaml").read_text()
        for c in s.checks:
            if (c.expr.source, c.message) in theirs:
                assert f"message: {c.message}" not in raw, (s.stem, c.message)


def test_an_abstract_schema_is_only_extended_and_a_childs_let_keeps_the_parents_signature(
    tmp_path: Path,
) -> None:
    base = PARENT.format(stem="x").replace("model_types: [x]\n", "abstract: true\n")
    base = base.replace(
        "layers:\n",
        "layers:\n  let:\n    mixer: kind == 'none'\n"
        '  state:\n    s: {shape: ["width if mixer else 0"]}\n'
        "  kind: {expr: \"'full' if i == 0 else 'none'\"}\n",
    )
    child = "extends: base\nclass: {0}Config\nmodel_types: [{2}]\nlayers:\n  let:\n    mixer: {1}\n"
    files = build(
        tmp_path,
        {
            "base": base,
            "every": child.format("Every", "'True'", "every"),
            "late": child.format("Late", "i > 1", "late"),
        },
    )
    registry = files["__init__.py"].replace('"', "'")
    assert "base:" not in registry and "'every': 'every:EveryConfig'," in registry
    # a let that reads fewer layer locals than the parent's takes the parent's, so the parent's
    # _state calls it unchanged; one that reads more gets them, and its class restates _state
    assert "def _let_mixer(self, kind: str) -> bool:" in files["every.py"]
    assert "_state" not in files["every.py"]
    assert "def _let_mixer(self, i: int, kind: str) -> bool:" in files["late.py"]
    assert "self._let_mixer(i, kind)" in files["late.py"]
    hf = {
        "num_hidden_layers": 3,
        "num_attention_heads": 2,
        "num_key_value_heads": 1,
        "hidden_size": 8,
    }
    for stem, want in (("every", [8, 8, 8]), ("late", [0, 0, 8])):
        namespace: dict[str, object] = {"BaseConfig": load(files["base.py"], "BaseConfig")}
        source = files[f"{stem}.py"].replace("from generated.base import BaseConfig\n", "")
        exec(compile(source, f"<{stem}>", "exec", dont_inherit=True), namespace)
        cfg = namespace[f"{stem.capitalize()}Config"].from_hf_config(hf)  # type: ignore[attr-defined]
        assert [s.state_elements for s in cfg.layers()] == want
    (tmp_path / "base.yaml").write_text(
        base.replace("abstract: true\n", "abstract: true\nmodel_types: [b]\n")
    )
    with pytest.raises(SchemaError, match="an abstract schema serves no model type"):
        load_schemas(tmp_path)
    (tmp_path / "base.yaml").write_text(base.replace("abstract: true\n", ""))
    with pytest.raises(SchemaError, match="'model_types' must list at least one"):
        load_schemas(tmp_path)


def test_a_child_calls_its_parents_states_and_adds_its_own(tmp_path: Path) -> None:
    parent = PARENT.format(stem="toy").replace(
        "  head_dim: width // heads\n",
        "  head_dim: width // heads\n  state:\n    conv: {shape: [width, 3]}\n",
    )
    more = "extends: toy\nclass: ChildConfig\nmodel_types: [child]\nlayers:\n  state:\n"
    files = build(
        tmp_path,
        {
            "toy": parent.replace("layers:\n", "layers:\n  let:\n    odd: i % 2 == 1\n"),
            "child": more + "    ids: {shape: ['2 if odd else 0'], dtype: int64}\n",
            "wider": more.replace("Child", "Wider").replace("[child]", "[wider]")
            + "    conv: {shape: [2 * width, 3]}\n",
        },
    )
    assert "*super()._state(i, kind, kinds)" in files["child.py"]
    assert "'conv'" not in files["child.py"]  # called, not restated
    assert "super()._state" not in files["wider.py"]  # a changed row: restated whole
    namespace: dict[str, object] = {"ToyConfig": load(files["toy.py"], "ToyConfig")}
    source = files["child.py"].replace("from generated.toy import ToyConfig\n", "")
    exec(compile(source, "<child>", "exec", dont_inherit=True), namespace)
    config = {"num_hidden_layers": 2, "num_attention_heads": 2, "num_key_value_heads": 1,
              "hidden_size": 8}  # fmt: skip
    layers = namespace["ChildConfig"].from_hf_config(config).layers()  # type: ignore[attr-defined]
    assert [[(s.name, s.shape, s.dtype) for s in x.state] for x in layers] == [
        [("conv", (8, 3), None)],
        [("conv", (8, 3), None), ("ids", (2,), DType.int64)],
    ]
