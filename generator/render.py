"""Render validated schemas through the jinja2 templates, then format with ruff."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import typing
from pathlib import Path
from typing import Any

import jinja2

from generator.errors import Loc, SchemaError
from generator.expr import Compiled, Ty
from generator.inherit import Members, borrowed_body, inherited_body, standalone_body, why_not
from generator.schema import Input, Let, Schema
from kvarch.schema_runtime import STANDARD_FIELDS, STANDARD_KIND_NAMES

__all__ = ["docstring", "format_sources", "render_module", "render_modules", "render_registry"]

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
RUFF_ARGS = ("--isolated", "--line-length", "100", "--target-version", "py311")


def _escaped(text: str) -> str:
    out = []
    for ch in text:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def docstring(text: str, indent: int = 0) -> str:
    """A triple-quoted docstring literal holding ``text``, safely escaped, wrapped to fit 100
    columns at ``indent`` (escapes hold no spaces, so wrapping never splits one)."""
    flat = _escaped(" ".join(text.split()))
    lines = textwrap.wrap(flat, 100 - indent - 6, break_long_words=False) or [""]
    return '"""' + ("\n" + " " * indent).join(lines) + '"""'


def _text(value: str) -> str:
    """A string literal; a long one as implicitly concatenated pieces, so that it can wrap."""
    if len(repr(value)) <= 60:
        return repr(value)
    words = textwrap.wrap(value, 50, drop_whitespace=False, break_long_words=False)
    return "(" + " ".join(repr(w) for w in words) + ")"


def _lit(value: Any) -> str:
    if isinstance(value, list):  # a list input's default
        return "[" + ", ".join(_lit(v) for v in value) + "]"
    if not isinstance(value, str | int | float | bool | type(None)):
        raise TypeError(f"not a literal: {value!r}")
    return repr(value)


def _tuple(items: list[str]) -> str:
    return repr(tuple(items))


def _common(package: str) -> dict[str, Any]:
    return {"package": package, "doc": docstring, "lit": _lit, "tuple": _tuple, "text": _text}


#: Each hook: its parameters, return type, and the expression source of the base class's
#: default (None: the hook has no default and is always generated).
HOOKS: dict[str, tuple[str, str, str | None]] = {
    "_count": ("", "int", None),
    "_kind": (", i: int", "str", "'full'"),
    "_window": (", i: int, kind: str, kinds: list[str]", "int | None", "None"),
    "_num_kv_heads": (", i: int, kind: str, kinds: list[str]", "int", None),
    "_k_head_dim": (", i: int, kind: str, kinds: list[str]", "int", None),
    "_v_head_dim": (", i: int, kind: str, kinds: list[str]", "int", None),
    "_kv_source": (", i: int, kind: str, kinds: list[str]", "int | None", "None"),
    "_extra_keys": (", i: int, kind: str, kinds: list[str]", "tuple[rt.ExtraKeys, ...]", "()"),
    "_state": (", i: int, kind: str, kinds: list[str]", "tuple[rt.State, ...]", "()"),
    "_cross": (", i: int, kind: str, kinds: list[str]", "rt.CrossKV | None", "None"),
    "_encoder_len": ("", "int | None", "None"),
    "_compressed": (", i: int, kind: str, kinds: list[str]", "tuple[rt.Compressed, ...]", "()"),
    "_max_length": ("", "int | None", None),
    "_mla_latent_dim": ("", "int | None", "None"),
}


def _annotated(
    ty: str,
    paths: list[str],
    minimum: float | None,
    keep_null: bool,
    unless_present: tuple[str, ...] = (),
) -> str:
    """``ty`` with its HF paths (none: the field's name), bound, ``keep_null`` and
    ``unless_present`` as ``rt.hf(...)`` metadata; a declaration ``kvarch`` names
    (``rt.Layers``) by its name."""
    meta = [repr(p) for p in paths]
    if minimum is not None:
        meta.append(f"ge={_lit(minimum)}")
    if keep_null:
        meta.append("keep_null=True")
    if unless_present:
        meta.append(f"unless_present={unless_present!r}")
    if not meta:
        return ty
    text = f"Annotated[{ty}, rt.hf({', '.join(meta)})]"
    return _STANDARD.get(text, text)


def _standard_fields() -> dict[str, str]:
    """Each shared declaration of ``kvarch.schema_runtime`` as rendered text -> its name."""
    out = {}
    for name, decl in STANDARD_FIELDS.items():
        base, meta = typing.get_args(decl)
        extra = meta.extra or {}
        text = _annotated(
            base.__name__, list(extra.get("from", ())), meta.ge, bool(extra.get("keep_null"))
        )
        out[text] = f"rt.{name}"
    return out


_STANDARD: dict[str, str] = {}
_STANDARD.update(_standard_fields())


def _members(s: Schema) -> Members:
    """Each class member of ``s``, rendered through the member macros."""

    def annotation(i: Input) -> str:
        ty = i.ty.item.base if i.ty.per_layer else i.type
        paths = list(i.paths) if list(i.paths) != [i.name] else []
        ty = _annotated(ty, paths, i.minimum, i.keep_null, i.unless_present)
        if i.ty.per_layer:
            ty = f"dict[int, {ty}]"  # layer index -> value
        return f"{ty} | None" if i.nullable else ty

    def field_default(i: Input) -> str:
        if isinstance(i.default, list):  # a fresh list per instance
            if not i.default:
                return "msgspec.field(default_factory=list)"
            return f"msgspec.field(default_factory=lambda: {_lit(i.default)})"
        return _lit(i.default)

    macros: Any = _ENV.get_template("members.py.j2").make_module(
        {
            "annotation": annotation,
            "field_default": field_default,
            "names": lambda names: ", ".join(repr(n) for n in names),
            **_common(""),
        }
    )
    lay = s.layers
    exprs: dict[str, Compiled | None] = {
        "_count": lay.count,
        "_kind": lay.kind_expr,
        "_window": lay.window,
        "_num_kv_heads": lay.num_kv_heads,
        "_k_head_dim": lay.k_head_dim,
        "_v_head_dim": lay.v_head_dim,
        "_kv_source": lay.kv_source,
        "_extra_keys": _rows_expr("extra_keys", lay.extra_keys),
        "_state": _state_expr(lay.state, lay.state_dtypes),
        "_cross": _cross_expr(lay.cross),
        "_encoder_len": s.encoder_len,
        "_compressed": _rows_expr("compressed", lay.compressed),
        "_max_length": s.max_length,
        "_mla_latent_dim": s.mla_latent,
    }
    derived = {d.name for d in s.derived}
    hooks: dict[str, str | None] = {}
    for name, expr in exprs.items():
        args, returns, default = HOOKS[name]
        if expr is None:
            hooks[name] = None
            continue
        same_as_k = name == "_v_head_dim" and (expr.source, expr.inputs) == (
            lay.k_head_dim.source,
            lay.k_head_dim.inputs,
        )
        if same_as_k or (expr.source == default and not expr.inputs):
            hooks[name] = None
        elif len(expr.inputs) == 1 and expr.source == f"self.{expr.inputs[0]}":
            hooks[name] = f"    {name} = rt.from_input({expr.inputs[0]!r})"
        elif expr.source.removeprefix("self.") in derived:
            reads = ", ".join(map(repr, [expr.source.removeprefix("self."), *expr.inputs]))
            hooks[name] = f"    {name} = rt.from_derived({reads})"
        else:
            hooks[name] = str(macros.hook(name, args, returns, expr))
    attributes = {}
    if s.roots:
        attributes["ROOTS"] = f"ROOTS: ClassVar[tuple[str, ...]] = {_tuple(s.roots)}"
    if lay.kind_list:
        attributes["KIND_LIST"] = f"KIND_LIST: ClassVar[str | None] = {_lit(lay.kind_list)}"
        extra = {k: v for k, v in lay.kind_map.items() if STANDARD_KIND_NAMES.get(k) != v}
        if extra:
            attributes["KIND_NAMES"] = f"KIND_NAMES = rt.kind_names({extra!r})"
    return Members(
        attributes=attributes,
        fields={i.name: (i.ty, str(macros.field(i))) for i in s.inputs},
        field_docs={i.name: str(macros.field_doc(i)) for i in s.inputs},
        checks=[str(macros.check(c)) for c in s.checks],
        derived={d.name: (d.expr.ty, str(macros.derived(d))) for d in s.derived},
        lets={let.method: _let_method(let) for let in lay.lets},
        hooks=hooks,
        state_rows=_state_rows(lay.state, lay.state_dtypes),
    )


def _rows_expr(function: str, declared: dict[str, tuple[Compiled, ...]]) -> Compiled:
    """A hook's expression: ``rt.<function>`` over each declared ``(name, value, ...)`` row
    (``extra_keys``, ``compressed``); errors name the row, not inputs."""
    rows = "".join(
        f", ({name!r}, {', '.join(e.source for e in row)})" for name, row in declared.items()
    )
    source = f"rt.{function}(self._n, i{rows})" if declared else "()"
    return Compiled(source, Ty("none", True), [])


def _state_rows(declared: dict[str, list[Compiled]], dtypes: dict[str, str]) -> list[str]:
    """Each declared state as ``rt.state``'s ``(name, shape[, dtype])`` row."""
    return [
        f"({name!r}, ({', '.join(d.source for d in dims)}{',' if len(dims) == 1 else ''})"
        + (f", {dtypes[name]!r})" if name in dtypes else ")")
        for name, dims in declared.items()
    ]


def _state_expr(declared: dict[str, list[Compiled]], dtypes: dict[str, str]) -> Compiled:
    """The ``_state`` hook's expression: ``rt.state`` over each declared name and shape (and
    dtype, where the schema names one)."""
    rows = "".join(f", {row}" for row in _state_rows(declared, dtypes))
    source = f"rt.state(self._n, i{rows})" if declared else "()"
    # errors name the dim (rt.state), not inputs: a child whose derived values read other
    # inputs inherits the hook unchanged
    return Compiled(source, Ty("none", True), [])


def _cross_expr(declared: tuple[Compiled, Compiled, Compiled] | None) -> Compiled:
    """The ``_cross`` hook's expression: ``rt.cross`` over the declared heads and widths."""
    if declared is None:
        return Compiled("None", Ty("none", True), [])
    inputs = [n for c in declared for n in c.inputs]
    args = ", ".join(c.source for c in declared)
    return Compiled(f"rt.cross(self._n, i, {args})", Ty("none", True), list(dict.fromkeys(inputs)))


#: The layer locals a ``let`` method may take, with their types.
_LOCALS = {"i": "int", "kind": "str", "kinds": "list[str]"}


def _let_method(let: Let) -> str:
    params = "".join(f", {p}: {_LOCALS[p]}" for p in let.params)
    return (
        f"    def {let.method}(self{params}) -> {let.expr.ty.py}:\n        return {let.expr.source}"
    )


def _used_names(source: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}


def render_modules(schemas: list[Schema], package: str) -> dict[str, str]:
    """Each schema's module (unformatted), by file name."""
    by_stem = {s.stem: s for s in schemas}
    members = {s.stem: _members(s) for s in schemas}
    return {
        f"{s.stem}.py": _module(
            s,
            package,
            members,
            by_stem[s.parent] if s.parent else None,
            by_stem[s.source] if s.source else None,
        )
        for s in schemas
    }


def render_module(s: Schema, package: str) -> str:
    """One schema's module (unformatted) as a stand-alone class."""
    return _module(s, package, {s.stem: _members(s)}, None)


def _module(
    s: Schema,
    package: str,
    members: dict[str, Members],
    parent: Schema | None,
    source: Schema | None = None,
) -> str:
    """A subclass of ``parent``'s class declaring only what differs (``extends`` means exactly
    that base class; the compiler refuses a child no subclass can express), else a stand-alone
    class (``based_on``: taking the methods it shares with ``source``'s class from there)."""
    if parent is None and source is not None:
        body = borrowed_body(members[s.stem], members[source.stem], source.class_name)
    elif parent is None:
        body = standalone_body(members[s.stem])
    else:
        inherited = inherited_body(members[s.stem], members[parent.stem])
        if inherited is None:
            reason = why_not(members[s.stem], members[parent.stem])
            raise SchemaError(
                s.extends_loc or Loc(s.file),
                f"extends {parent.stem}: {s.class_name} cannot subclass {parent.class_name}: "
                f"{reason}; write 'based_on: {parent.stem}' for a stand-alone class",
            )
        body = inherited
    base = parent.class_name if parent is not None else "rt.SchemaArchConfig"
    common = _common(package)
    class_text = _ENV.get_template("class.py.j2").render(s=s, base=base, body=body, **common)
    used = _used_names(class_text)
    typing_names = ", ".join(n for n in ("Annotated", "ClassVar") if n in used)
    lender = source if source is not None and source.class_name in used else None
    return _ENV.get_template("module.py.j2").render(
        s=s,
        parent=parent or lender,
        class_text=class_text,
        used=used,
        typing_names=typing_names,
        **common,
    )


def render_registry(schemas: list[Schema], package: str) -> str:
    """The package ``__init__`` with the registry table (unformatted); abstract schemas' classes
    serve no model type and are left out."""
    served = sorted((s for s in schemas if not s.abstract), key=lambda s: s.stem)
    return _ENV.get_template("registry.py.j2").render(schemas=served, **_common(package))


def ruff_binary() -> str:
    """The ruff executable of this environment."""
    beside = Path(sys.executable).parent / "ruff"
    found = str(beside) if beside.exists() else shutil.which("ruff")
    if found is None:
        raise SchemaError(
            Loc("generator"), "ruff is needed to format generated code (pip install ruff)"
        )
    return found


def format_sources(files: dict[str, str]) -> dict[str, str]:
    """``files`` formatted by ``ruff format`` (one run over a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="kvarch-gen-") as tmp:
        for name, text in files.items():
            Path(tmp, name).write_text(text, encoding="utf-8")
        proc = subprocess.run(
            [ruff_binary(), "format", *RUFF_ARGS, "--quiet", tmp],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
        if proc.returncode != 0:
            raise SchemaError(Loc("generator"), f"ruff format failed: {proc.stderr.strip()}")
        return {
            name: _allow_long_lines(Path(tmp, name).read_text(encoding="utf-8")) for name in files
        }


def _allow_long_lines(text: str) -> str:
    """Long author strings cannot be wrapped: exempt such a file from the line-length rule."""
    if all(len(line) <= 100 for line in text.splitlines()):
        return text
    header, _, rest = text.partition("\n")
    return f"{header}\n# ruff: noqa: E501\n{rest}"
