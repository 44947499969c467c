"""Schema files: structure errors and a corpus of hostile schemas, each refused with
``file:line:col`` and nothing written; author text reaches generated code only escaped."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from generator import SchemaError, compile_dir, generate, load_schemas

BASE = """\
kvarch: 1
class: ToyConfig
description: A toy.
model_types: [toy]
inputs:
  layers_n: {type: int, from: num_hidden_layers, min: 1}
  heads: {type: int, from: num_attention_heads, min: 1}
  width: {type: int, from: hidden_size, min: 1}
derived:
  dim: width // heads
layers:
  count: layers_n
  kind: full
  num_kv_heads: heads
  head_dim: dim
max_length: 2048
"""


def write(tmp_path: Path, text: str, name: str = "toy") -> Path:
    schemas = tmp_path / "schemas"
    schemas.mkdir(exist_ok=True)
    (schemas / f"{name}.yaml").write_text(text, encoding="utf-8")
    return schemas


def schema_error(tmp_path: Path, text: str) -> SchemaError:
    schemas = write(tmp_path, text)
    out = tmp_path / "generated"
    out.mkdir(exist_ok=True)
    sentinel = out / "__init__.py"
    sentinel.write_text("# untouched\n")
    with pytest.raises(SchemaError) as info:
        generate(schemas, out)
    assert sorted(p.name for p in out.iterdir()) == ["__init__.py"], "nothing may be written"
    assert sentinel.read_text() == "# untouched\n"
    assert re.match(r"^schemas/toy\.yaml(:\d+:\d+)?: ", str(info.value)), str(info.value)
    return info.value


def test_base_schema_compiles(tmp_path: Path) -> None:
    files = compile_dir(write(tmp_path, BASE)).files
    assert set(files) == {"toy.py", "__init__.py"}


HOSTILE = {
    "dunder attribute": ("  dim: width.__class__\n", "attribute access", 10),
    "call outside whitelist": ("  dim: exec('import os')\n", "'exec' is not allowed", 10),
    "import in expression": ("  dim: __import__('os').system('x')\n", "only these functions", 10),
    "lambda": ('  dim: "(lambda: 1)()"\n', "only these functions may be called", 10),
    "comprehension": ("  dim: sum([h for h in [heads]])\n", "not allowed", 10),
    "walrus": ("  dim: (w := width)\n", "assignment expressions", 10),
    "f-string": ("  dim: f'{width}'\n", "f-strings", 10),
    "gigantic exponent": ("  dim: 9 ** 9999999\n", "exponent", 10),
    "deep nesting": ("  dim: " + "(1 + " * 100 + "1" + ")" * 100 + "\n", "nested deeper", 10),
    "quote in name": ('  "di\\"m": width\n', "must match [a-z]", 10),
    "triple quote in name": ('  \'d"""m\': width\n', "must match [a-z]", 10),
    "newline in name": ('  "d\\nm": width\n', "must match [a-z]", 10),
    "backslash in name": ("  'd\\\\m': width\n", "must match [a-z]", 10),
    "keyword as name": ("  class: width\n", "is reserved", 10),
    "soft keyword as name": ("  match: width\n", "is reserved", 10),
    "base field as name": ("  dtype: width\n", "is reserved", 10),
    "annotation name as name": ("  str: width\n", "is reserved", 10),
    "import name as name": ("  msgspec: width\n", "is reserved", 10),
    "dunder name": ("  __init__: width\n", "must match [a-z]", 10),
    "non-identifier name": ("  2dim: width\n", "must match [a-z]", 10),
    "unknown name": ("  dim: widht // heads\n", "did you mean 'width'", 10),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_derived_values_are_refused(tmp_path: Path, case: str) -> None:
    line, message, lineno = HOSTILE[case]
    text = BASE.replace("  dim: width // heads\n", line + "  dim2: width // heads\n")
    text = text.replace("head_dim: dim", "head_dim: dim2")
    exc = schema_error(tmp_path, text)
    assert message in str(exc)
    assert exc.loc.line == lineno


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("class: ToyConfig", 'class: "Toy\\"Config"', "must match [A-Z]"),
        ("class: ToyConfig", "class: 'Toy; import os'", "must match [A-Z]"),
        ("class: ToyConfig", "class: null", "must match [A-Z]"),
        ("class: ToyConfig", "class: None", "is reserved"),
        ("class: ToyConfig", "class: 'True'", "is reserved"),
        ("class: ToyConfig", "class: LayerSpec", "is reserved"),
        ("class: ToyConfig", "class: Exception", "is reserved"),
        ("model_types: [toy]", 'model_types: ["to\'y"]', "not a valid model_type"),
        ("model_types: [toy]", "model_types: []", "at least one"),
        ("from: num_hidden_layers", "from: \"a'); import os; ('\"", "not a valid config path"),
        ("from: num_hidden_layers", "from: __class__.x", None),
        ("description: A toy.", 'description: "bell \\a"', "control character"),
        ("kvarch: 1", "kvarch: 2", "unsupported schema language version"),
        ("layers:", "layerz:", "did you mean 'layers'"),
        ("kind: full", "kind: fulll", "must be one of"),
        ("kind: full", "kind: {lst: x}", "did you mean 'list'"),
        ("max_length: 2048", "max_length: width > 1", "must be int"),
        ("num_kv_heads: heads", "num_kv_heads: coalesce(None, heads)", None),
        ("inputs:", "extends: nowhere\ninputs:", "no such schema"),
        ("kvarch: 1", "kvarch: 1\nkvarch: 1", "duplicate key"),
        ("kvarch: 1", "kvarch: !!python/object:os.system x", "invalid YAML"),
        ("description: A toy.", "description: &a A toy.\nclass2: *a", "aliases"),
        ("min: 1}", "min: 1, type: float}", "duplicate key"),
        ("heads: {type: int", "heads: {type: object", "type must be one of"),
        ("min: 1}", "min: 1, default: [1]}", "is not a int"),
        ("heads: {type: int, ", 'heads: {type: "list[int]", default: [1, x], ', "not a list[int]"),
        ("from: num_hidden_layers", "from: 0.layers", "not a valid config path"),
        ("from: num_hidden_layers", "from: layer_groups.0.12345", "not a valid config path"),
        ("  layers_n:", "  i:", "is reserved"),
        ("num_attention_heads,", "num_attention_heads, keep_null: 1,", "true or false"),
        ("{type: int, from: hidden_size,", "{type: 'list[int]', default: [true],", "list[int]"),
        ("num_attention_heads,", "num_attention_heads, keep_null: true,", "may be null"),
    ],
)
def test_structure_errors_are_located(
    tmp_path: Path, old: str, new: str, message: str | None
) -> None:
    text = BASE.replace(old, new, 1)
    assert text != BASE
    if message is None:  # accepted: must still compile to safe code
        compile_dir(write(tmp_path, text))
        return
    exc = schema_error(tmp_path, text)
    assert message in str(exc)
    assert exc.loc.line > 0


def test_hostile_descriptions_are_escaped_into_docstrings(tmp_path: Path) -> None:
    nasty = 'a """ b \'\'\' c \\ d \\" e\n"""; import os; """\n\t#x'
    quoted = json.dumps(nasty)  # a JSON string is a YAML double-quoted scalar
    text = BASE.replace("description: A toy.", f"description: {quoted}")
    text = text.replace(
        "  dim: width // heads\n", f"  dim:\n    expr: width // heads\n    description: {quoted}\n"
    )
    source = compile_dir(write(tmp_path, text)).files["toy.py"]
    tree = ast.parse(source)
    flat = " ".join(nasty.split())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef))
    assert ast.get_docstring(cls, clean=False) == flat
    docs = [
        n.body[0].value.value
        for n in ast.walk(cls)
        if isinstance(n, ast.FunctionDef) and n.name == "dim"
        if isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)
    ]
    assert docs == [flat]
    assert [type(n).__name__ for n in tree.body] == ["ImportFrom", "ImportFrom", "ClassDef"]
    imported = [
        a.name if isinstance(n, ast.Import) else f"{n.module}.{a.name}"
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in n.names
    ]
    assert imported == [
        "typing.Annotated",
        "typing.ClassVar",
        "kvarch.schema_runtime",
    ]


TEMPLATE_WORDS = {
    "ClassVar",
    "Annotated",
    "rt",
    "self",
    "i",
    "kind",
    "kinds",
    "str",
    "int",
    "tuple",
    "list",
    "property",
    "kw_only",
    "frozen",
    "dict",
    "SchemaArchConfig",
    "MODEL_TYPES",
    "ARCHITECTURES",
    "SCHEMA",
    "ge",
    "hf",
    "from_input",
    "from_derived",
    "first_checks",
    "reads",
    "coalesce",
    "Checks",
    "_checks",
    "_count",
    "_num_kv_heads",
    "_k_head_dim",
    "_max_length",
}


def identifiers(source: str) -> set[str]:
    found = set()
    for n in ast.walk(ast.parse(source)):
        for attr in ("id", "attr", "name", "arg"):
            value = getattr(n, attr, None)
            if isinstance(value, str):
                found.add(value)
        if isinstance(n, ast.ImportFrom):
            found.add(n.module or "")
    return found


def test_generated_names_come_only_from_templates_and_validated_identifiers(
    tmp_path: Path,
) -> None:
    source = compile_dir(write(tmp_path, BASE)).files["toy.py"]
    schema_names = {"ToyConfig", "layers_n", "heads", "width", "dim"}
    modules = {"__future__", "typing", "kvarch", "kvarch.layers", "schema_runtime"}
    assert identifiers(source) - TEMPLATE_WORDS - modules == schema_names


def test_set_level_errors(tmp_path: Path) -> None:
    schemas = write(tmp_path, BASE)
    write(tmp_path, BASE.replace("class: ToyConfig", "class: OtherConfig"), "other")
    with pytest.raises(SchemaError, match=r"duplicate model_type 'toy': already served by"):
        load_schemas(schemas)
    write(tmp_path, "extends: toy2\nmodel_types: [a]\n", "toy")
    write(tmp_path, "extends: toy\nmodel_types: [b]\n", "toy2")
    (schemas / "other.yaml").unlink()
    with pytest.raises(SchemaError, match="extends cycle: toy -> toy2 -> toy"):
        load_schemas(schemas)


def test_extends_merges_mappings_and_replaces_the_rest(tmp_path: Path) -> None:
    schemas = write(tmp_path, BASE)
    child = """\
extends: toy
model_types: [child]
inputs:
  width: {default: 64}
  window: {type: int, default: 16}
layers:
  kind: sliding
  window: window
"""
    write(tmp_path, child, "child")
    by_stem = {s.stem: s for s in load_schemas(schemas)}
    c = by_stem["child"]
    assert c.class_name == "ChildConfig"
    assert [i.name for i in c.inputs] == ["layers_n", "heads", "width", "window"]
    width = c.inputs[2]
    assert (width.paths, width.default, width.minimum) == (("hidden_size",), 64, 1)
    assert c.layers.kind_expr.source == "'sliding'"
    assert c.layers.num_kv_heads.source == "self.heads"


def test_bad_file_names_and_non_mappings(tmp_path: Path) -> None:
    schemas = write(tmp_path, "- a list\n")
    with pytest.raises(
        SchemaError, match=r"^schemas/toy.yaml:1:1: a schema must be a YAML mapping"
    ):
        load_schemas(schemas)
    (schemas / "toy.yaml").unlink()
    (schemas / "Bad-Name.yaml").write_text(BASE)
    with pytest.raises(SchemaError, match="file name 'Bad-Name'"):
        load_schemas(schemas)
    (schemas / "Bad-Name.yaml").rename(schemas / "import.yaml")
    with pytest.raises(SchemaError, match="file name 'import'"):
        load_schemas(schemas)


def test_hostile_strings_in_maps_and_messages_stay_string_literals(tmp_path: Path) -> None:
    nasty = 'x""" + __import__("os").system("id") + """\\\n'
    quoted = json.dumps(nasty)
    text = BASE.replace(
        "  kind: full\n",
        f"  kind:\n    list: names\n    map: {{{quoted}: none}}\n",
    ).replace(
        "derived:\n",
        f"  names: {{type: 'list[str]', default: null}}\nchecks:\n"
        f"  - expr: heads > 0\n    message: {quoted}\nderived:\n",
    )
    source = compile_dir(write(tmp_path, text)).files["toy.py"]
    tree = ast.parse(source)
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    assert nasty in strings  # the map key and the message, verbatim, as literals
    calls = {
        n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
    }
    assert "__import__" not in calls and "system" not in calls


def test_errors_in_block_scalars_point_at_the_content(tmp_path: Path) -> None:
    text = BASE.replace("  dim: width // heads\n", "  dim: >-\n    width //\n      hedas\n")
    exc = schema_error(tmp_path, text)
    assert "unknown name 'hedas'" in str(exc)
    assert (exc.loc.line, exc.loc.col) == (12, 7)  # where "hedas" is in the file
