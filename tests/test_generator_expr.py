"""The expression language: what compiles, to what Python and type, and what is refused."""

from __future__ import annotations

import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import Loc, SchemaError
from generator.expr import INT, STR, Name, Ty, compile_expr
from kvarch import schema_runtime as rt

SCOPE = {
    "layers_n": Name(INT, inputs=("layers_n",)),
    "heads": Name(INT, inputs=("heads",)),
    "kv": Name(Ty("int", True), inputs=("kv",)),
    "rate": Name(Ty("float"), inputs=("rate",)),
    "flag": Name(Ty("bool"), inputs=("flag",)),
    "types": Name(Ty("list[str]", True), inputs=("types",)),
    "ids": Name(Ty("list[int]"), inputs=("ids",)),
    "i": Name(INT, attr=False),
    "kind": Name(STR, attr=False),
    "kinds": Name(Ty("list[str]"), attr=False),
}
LOC = Loc("schemas/x.yaml", 7, 10)


def ok(text: str) -> tuple[str, str]:
    out = compile_expr(text, LOC, SCOPE)
    return out.source, out.ty.py


def err(text: str) -> str:
    with pytest.raises(SchemaError) as info:
        compile_expr(text, LOC, SCOPE)
    assert str(info.value).startswith("schemas/x.yaml:7:")
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "source", "ty"),
    [
        ("heads // 2 + 1", "self.heads // 2 + 1", "int"),
        ("heads / 2", "self.heads / 2", "float"),
        ("coalesce(kv, heads)", "rt.coalesce(self.kv, self.heads)", "int"),
        ("coalesce(kv, kv, 3)", "rt.coalesce(self.kv, rt.coalesce(self.kv, 3))", "int"),
        ("coalesce(kv, None)", "rt.coalesce(self.kv, None)", "int | None"),
        ("ceil_div(heads, 3)", "rt.ceil_div(self.heads, 3)", "int"),
        ("max(heads, 2, layers_n)", "max(self.heads, 2, self.layers_n)", "int"),
        ("min(rate, 2)", "min(self.rate, 2)", "float"),
        ("int(heads * rate)", "int(self.heads * self.rate)", "int"),
        ("kv is None or flag", "self.kv is None or self.flag", "bool"),
        ("'sliding' if i % 2 == 0 else 'full'", "'sliding' if i % 2 == 0 else 'full'", "str"),
        ("kind in ('full', 'sliding')", "kind in ('full', 'sliding')", "bool"),
        ("i in ids", "i in self.ids", "bool"),
        ("kinds[i] == kind", "kinds[i] == kind", "bool"),
        ("last_index(kinds, kind, 3)", "rt.last_index(kinds, kind, 3)", "int | None"),
        ("0 <= i < layers_n", "0 <= i < self.layers_n", "bool"),
        ("heads ** 2", "self.heads ** 2", "int"),
        ("None if flag else heads", "None if self.flag else self.heads", "int | None"),
        ("len(ids)", "len(self.ids)", "int"),
        ("kind[i % len(kind)] == 'L'", "kind[i % len(kind)] == 'L'", "bool"),
        ("min_present(kv, heads)", "rt.min_present(self.kv, self.heads)", "int | None"),
        ("-heads", "-self.heads", "int"),
        ("not flag", "not self.flag", "bool"),
    ],
)
def test_compiles_to_plain_python_with_its_type(text: str, source: str, ty: str) -> None:
    assert ok(text) == (source, ty)


def test_records_the_inputs_an_expression_reads() -> None:
    out = compile_expr("coalesce(kv, heads) + heads", LOC, SCOPE)
    assert out.inputs == ["kv", "heads"]


def test_scalars_are_literal_expressions() -> None:
    assert compile_expr(4096, LOC, SCOPE).source == "4096"
    assert compile_expr(True, LOC, SCOPE).ty.py == "bool"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hedas + 1", "unknown name 'hedas'; did you mean 'heads'?"),
        ("__import__('os')", "function '__import__' is not allowed"),
        ("heads.__class__", "attribute access"),
        ("().__class__.__bases__", "attribute access"),
        ("open('x')", "function 'open' is not allowed"),
        ("eval('1')", "function 'eval' is not allowed"),
        ("(lambda: 1)()", "only these functions may be called: ceil_div, coalesce"),
        ("lambda: 1", "lambda is not allowed"),
        ("[x for x in ids]", "comprehensions are not allowed"),
        ("(y := 3)", "assignment expressions"),
        ("f'{heads}'", "f-strings are not allowed"),
        ("2 ** 99999999", "exponent of ** must be an integer literal"),
        ("heads ** heads", "exponent of ** must be an integer literal"),
        ("10 ** 100 ** 100", "exponent of ** must be an integer literal"),
        ("99999999999999999999999", "integer literal larger"),
        ("kv + 1", "it may be null: use coalesce"),
        ("heads + 'a'", "needs numbers"),
        ("flag + 1", "needs numbers"),
        ("heads and flag", "need bools"),
        ("heads if heads else 1", "condition must be a bool"),
        ("'a' if flag else 1", "branches have different types"),
        ("types[0]", "only lists and strings can be indexed"),
        ("heads[0]", "only lists and strings can be indexed"),
        ("ids['a']", "an index must be an int"),
        ("ids[1:2]", "slices are not allowed"),
        ("min(heads)", "min() takes at least 2 arguments"),
        ("max(heads, key=1)", "no keyword arguments"),
        ("min(*ids)", "unpacking is not allowed"),
        ("{1: 2}", "dict literals are not allowed"),
        ("heads is 3", "may only compare with None"),
        ("heads < 'a'", "ordering needs numbers"),
        ("heads = 1", "invalid expression"),
        ("import os", "invalid expression"),
        ("heads; 1", "invalid expression"),
        ("i in (heads, 2)", "must list literals"),
        ("coalesce", "must be called"),
        ("'x' * 10", "needs numbers"),
        ("ceil_div(rate, 2)", "needs two ints"),
    ],
)
def test_refuses_with_a_located_message(text: str, message: str) -> None:
    assert message in err(text)


def test_unknown_name_lists_the_known_ones() -> None:
    assert "known: flag, heads" in err("nope")


def test_error_column_points_into_the_expression() -> None:
    with pytest.raises(SchemaError) as info:
        compile_expr("heads + hedas", LOC, SCOPE)
    assert info.value.loc == Loc("schemas/x.yaml", 7, 18)


@pytest.mark.parametrize(
    "text",
    ["(" * 300 + "1" + ")" * 300, "-" * 5000 + "1", "+".join(["1"] * 1200), "x" * 3000],
)
def test_deep_or_huge_expressions_are_refused(text: str) -> None:
    with pytest.raises(SchemaError):
        compile_expr(text, LOC, SCOPE)


def test_strings_are_emitted_as_escaped_literals() -> None:
    nasty = '"""\'\\n\\\\ ; import os'
    source, _ = ok(f"kind == {nasty!r}")
    assert source == f"kind == {nasty!r}"


def _exprs() -> st.SearchStrategy[str]:
    leaves = st.one_of(st.sampled_from(["a", "b", "c"]), st.integers(-50, 50).map(str))

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        binary = st.tuples(inner, st.sampled_from(["+", "-", "*", "//", "%"]), inner)
        return st.one_of(
            binary.map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            inner.map(lambda e: f"-{e}"),
            st.tuples(inner, inner).map(lambda t: f"max({t[0]}, {t[1]})"),
            st.tuples(inner, inner, inner).map(
                lambda t: f"({t[0]} if {t[1]} < {t[2]} else {t[2]})"
            ),
            st.tuples(inner, inner).map(lambda t: f"ceil_div({t[0]}, {t[1]})"),
        )

    return st.recursive(leaves, extend, max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(text=_exprs(), a=st.integers(-9, 9), b=st.integers(-9, 9), c=st.integers(1, 9))
def test_compiled_python_computes_what_the_expression_says(
    text: str, a: int, b: int, c: int
) -> None:
    """The re-emitted Python keeps precedence and meaning (checked against a reference)."""
    scope = {n: Name(INT, inputs=(n,)) for n in "abc"}
    try:
        out = compile_expr(text, LOC, scope)
    except SchemaError as exc:
        assert "nested deeper" in str(exc)
        return
    values = {"a": a, "b": b, "c": c}
    reference = {**values, "max": max, "ceil_div": rt.ceil_div}
    compiled = {"self": types.SimpleNamespace(**values), "rt": rt, "max": max}

    def run(source: str, namespace: dict[str, object]) -> object:
        try:
            return eval(source, {"__builtins__": {}}, namespace)  # test oracle only
        except ZeroDivisionError:
            return ZeroDivisionError

    assert run(out.source, compiled) == run(text, reference)
