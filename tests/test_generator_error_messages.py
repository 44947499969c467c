"""Schema errors a newcomer meets first, in their own words: a ``/`` that made a float points
at the ``/`` with the fix, a refused call lists the allowed functions, and YAML syntax errors
read as plain sentences at ``file:line:col``."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import SchemaError, load_schemas
from generator.expr import FUNCTIONS
from tests.test_generator_schemas import BASE, write


def error_of(tmp_path: Path, text: str) -> SchemaError:
    with pytest.raises(SchemaError) as info:
        load_schemas(write(tmp_path, text))
    return info.value


def test_true_division_is_reported_at_the_slash_with_the_fix(tmp_path: Path) -> None:
    text = BASE.replace("  dim: width // heads", "  dim: width / heads")
    err = error_of(tmp_path, text)
    line = text.splitlines().index("  dim: width / heads") + 1
    col = "  dim: width / heads".index("/") + 1
    assert str(err).startswith(f"schemas/toy.yaml:{line}:{col}:"), str(err)
    assert "'/' makes a float even of two ints: use // (floor) or ceil_div(a, b)" in str(err)
    assert "'head_dim' must be int" in str(err)


def test_a_refused_call_lists_every_allowed_function(tmp_path: Path) -> None:
    err = error_of(tmp_path, BASE.replace("width // heads", "width.bit_length()"))
    allowed = ", ".join(sorted(FUNCTIONS))
    assert f"only these functions may be called: {allowed}" in str(err)
    assert "toy.yaml:" in str(err) and "ceil_div" in allowed


@pytest.mark.parametrize(
    ("broken", "plain", "line"),
    [
        # a value indented under a key that already has a value
        (BASE.replace("max_length: 2048", "max_length: 2048\n  extra: 1"),
         "indentation", 17),
        # a tab used to indent
        (BASE.replace("  dim: width // heads", "\tdim: width // heads"),
         "tabs or a stray character: indent with spaces", 10),
        # an unclosed flow list
        (BASE.replace("model_types: [toy]", "model_types: [toy"),
         "not closed", None),
    ],
)  # fmt: skip
def test_yaml_syntax_errors_read_as_plain_words(
    tmp_path: Path, broken: str, plain: str, line: int | None
) -> None:
    err = str(error_of(tmp_path, broken))
    assert "invalid YAML: " in err and plain in err, err
    assert "(YAML: " in err  # PyYAML's own words stay after the plain ones
    if line is not None:
        assert err.startswith(f"schemas/toy.yaml:{line}:"), err
