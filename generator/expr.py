"""The expression language: parsed with ``ast`` (mode="eval"), checked against a whitelist
of node kinds, type-checked, and re-emitted as plain Python. Author text is never evaluated."""

from __future__ import annotations

import ast
import copy
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.errors import Loc, SchemaError

__all__ = ["FUNCTIONS", "Compiled", "Name", "Ty", "compile_expr", "literal_source"]

MAX_EXPR_CHARS = 2000
MAX_DEPTH = 40
MAX_INT = 2**62
MAX_EXPONENT = 64
MAX_STR = 200

BASES = ("int", "float", "bool", "str", "list[int]", "list[float]", "list[str]", "none")
#: Per-layer overrides (layer index -> value), e.g. transformers' ``per_layer_config``.
PER_LAYER_BASES = ("per_layer[int]", "per_layer[float]", "per_layer[str]")


@dataclass(frozen=True)
class Ty:
    """An expression's type: a base type, and whether it may be None."""

    base: str
    nullable: bool = False

    @property
    def py(self) -> str:
        """The Python annotation."""
        if self.base == "none":
            return "None"
        base = f"dict[int, {self.item.base}]" if self.per_layer else self.base
        return f"{base} | None" if self.nullable else base

    def __str__(self) -> str:
        return self.py

    @property
    def numeric(self) -> bool:
        """int or float, never None."""
        return self.base in ("int", "float") and not self.nullable

    @property
    def per_layer(self) -> bool:
        """A per-layer override mapping."""
        return self.base.startswith("per_layer[")

    @property
    def item(self) -> Ty:
        """Element type of a list or per-layer type."""
        return Ty(self.base[self.base.index("[") + 1 : -1])


INT, FLOAT, BOOL, STR, NONE = Ty("int"), Ty("float"), Ty("bool"), Ty("str"), Ty("none", True)


@dataclass(frozen=True)
class Name:
    """A name an expression may use: its type and the Python it compiles to."""

    ty: Ty
    attr: bool = True
    """True: ``self.<name>`` (an input or derived value); False: a local (``i``, ``kind``)."""
    inputs: tuple[str, ...] = ()
    """The inputs it is computed from (for error messages naming HF fields)."""
    division: SchemaError | None = None
    """For a derived value: where a ``/`` made it a float (see ``Compiled.division``)."""
    expr: ast.expr | None = None
    """A ``let`` name: the checked expression it stands for (inlined where it is used)."""


@dataclass
class Compiled:
    """A checked expression: Python source, type and the inputs it reads."""

    source: str
    ty: Ty
    inputs: list[str] = field(default_factory=list)
    division: SchemaError | None = None
    """Where a true division ``/`` made the result a float, as an error with the fix."""


#: Whitelisted functions: name -> (Python callee, description).
FUNCTIONS = {
    "min": ("min", "the smallest of two or more numbers"),
    "max": ("max", "the largest of two or more numbers"),
    "ceil_div": ("rt.ceil_div", "ceil_div(a, b): a / b rounded up (integers)"),
    "coalesce": ("rt.coalesce", "coalesce(a, b, ...): the first argument that is not null"),
    "min_present": (
        "rt.min_present",
        "min_present(a, b, ...): the smallest argument that is not null, else null",
    ),
    "int": ("int", "int(x): x truncated to an integer"),
    "len": ("len", "len(list or string): number of items"),
    "last_index": (
        "rt.last_index",
        "last_index(list, value, before): largest j < before with list[j] == value, or null",
    ),
}

_FORBIDDEN = {
    ast.Attribute: "attribute access ('.') is not allowed",
    ast.Lambda: "lambda is not allowed",
    ast.NamedExpr: "assignment expressions (:=) are not allowed",
    ast.JoinedStr: "f-strings are not allowed",
    ast.FormattedValue: "f-strings are not allowed",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "comprehensions are not allowed",
    ast.Await: "await is not allowed",
    ast.Yield: "yield is not allowed",
    ast.YieldFrom: "yield is not allowed",
    ast.Starred: "* unpacking is not allowed",
    ast.Slice: "slices are not allowed",
    ast.Dict: "dict literals are not allowed",
    ast.Set: "set literals are not allowed",
}

_ARITH = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
}


def literal_source(value: object) -> str:
    """Python source of a YAML scalar used as an expression (a bool, number, string or null)."""
    return repr(value)


class _Checker:
    def __init__(self, text: str, loc: Loc, scope: Mapping[str, Name], quoted: bool) -> None:
        self.lines = text.split("\n")
        joined = " ".join(self.lines)
        self.lead = len(joined) - len(joined.lstrip())
        self.source = joined.strip()
        self.loc = loc
        self.scope = scope
        self.col0 = loc.col + (1 if quoted else 0)
        self.inputs: list[str] = []
        self.division: SchemaError | None = None

    def error(self, node: ast.AST | None, message: str) -> SchemaError:
        if node is None or getattr(node, "lineno", None) is None:
            return SchemaError(self.loc, message)
        # The expression was parsed as one line: its lines joined by spaces, then stripped.
        offset = self.lead + getattr(node, "col_offset", 0)
        line = 0
        for text in self.lines[:-1]:
            if offset <= len(text):
                break
            offset -= len(text) + 1
            line += 1
        if line == 0:
            return SchemaError(Loc(self.loc.file, self.loc.line, self.col0 + offset), message)
        return SchemaError(self.loc.shifted(line, self.loc.col + offset), message)

    def check(self, node: ast.expr, depth: int = 0) -> tuple[ast.expr, Ty]:
        if depth > MAX_DEPTH:
            raise self.error(node, f"expression nested deeper than {MAX_DEPTH} levels")
        for kind, message in _FORBIDDEN.items():
            if isinstance(node, kind):
                raise self.error(node, message)
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise self.error(node, f"{type(node).__name__} expressions are not allowed")
        result: tuple[ast.expr, Ty] = method(node, depth + 1)
        return result

    def _Constant(self, node: ast.Constant, depth: int) -> tuple[ast.expr, Ty]:
        v = node.value
        if v is None:
            return ast.Constant(None), NONE
        if isinstance(v, bool):
            return ast.Constant(v), BOOL
        if isinstance(v, int):
            if abs(v) > MAX_INT:
                raise self.error(node, f"integer literal larger than 2**62: {str(v)[:20]}...")
            return ast.Constant(v), INT
        if isinstance(v, float):
            return ast.Constant(v), FLOAT
        if isinstance(v, str):
            if len(v) > MAX_STR:
                raise self.error(node, f"string literal longer than {MAX_STR} characters")
            return ast.Constant(v), STR
        raise self.error(node, f"literal of type {type(v).__name__} is not allowed")

    def _Name(self, node: ast.Name, depth: int) -> tuple[ast.expr, Ty]:
        bound = self.scope.get(node.id)
        if bound is None:
            if node.id in FUNCTIONS:
                raise self.error(node, f"function {node.id!r} must be called")
            close = difflib.get_close_matches(node.id, list(self.scope), n=3, cutoff=0.6)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            known = ", ".join(sorted(self.scope)) or "none"
            raise self.error(node, f"unknown name {node.id!r}{hint} (known: {known})")
        self.inputs.extend(bound.inputs)
        if self.division is None:
            self.division = bound.division
        if bound.expr is not None:
            return copy.deepcopy(bound.expr), bound.ty
        if bound.attr:
            return ast.Attribute(ast.Name("self", ast.Load()), node.id, ast.Load()), bound.ty
        return ast.Name(node.id, ast.Load()), bound.ty

    def _BinOp(self, node: ast.BinOp, depth: int) -> tuple[ast.expr, Ty]:
        op = _ARITH.get(type(node.op))
        if op is None:
            raise self.error(node, f"operator {type(node.op).__name__} is not allowed")
        left, lt = self.check(node.left, depth)
        if op == "**":
            exp = node.right
            if not (
                isinstance(exp, ast.Constant)
                and type(exp.value) is int
                and 0 <= exp.value <= MAX_EXPONENT
            ):
                raise self.error(
                    node, f"the exponent of ** must be an integer literal in 0..{MAX_EXPONENT}"
                )
        right, rt = self.check(node.right, depth)
        for side, ty in ((node.left, lt), (node.right, rt)):
            if not ty.numeric:
                raise self.error(side, f"operator {op} needs numbers, got {ty}" + _null_hint(ty))
        ty = FLOAT if op == "/" or FLOAT in (lt, rt) else INT
        if op == "/" and self.division is None and lt == rt == INT:
            at = ast.Constant(None)
            at.lineno = 1
            end = node.left.end_col_offset or node.left.col_offset
            at.col_offset = max(self.source.find("/", end), end)
            self.division = self.error(
                at, "'/' makes a float even of two ints: use // (floor) or ceil_div(a, b)"
            )
        return ast.BinOp(left, node.op, right), ty

    def _UnaryOp(self, node: ast.UnaryOp, depth: int) -> tuple[ast.expr, Ty]:
        operand, ty = self.check(node.operand, depth)
        if isinstance(node.op, ast.Not):
            if ty != BOOL:
                raise self.error(node, f"'not' needs a bool, got {ty}")
            return ast.UnaryOp(ast.Not(), operand), BOOL
        if isinstance(node.op, ast.USub | ast.UAdd) and ty.numeric:
            return ast.UnaryOp(node.op, operand), ty
        raise self.error(node, f"unary {type(node.op).__name__} is not allowed on {ty}")

    def _BoolOp(self, node: ast.BoolOp, depth: int) -> tuple[ast.expr, Ty]:
        values = []
        for v in node.values:
            out, ty = self.check(v, depth)
            if ty != BOOL:
                raise self.error(v, f"'and'/'or' need bools, got {ty}" + _null_hint(ty))
            values.append(out)
        return ast.BoolOp(node.op, values), BOOL

    def _Compare(self, node: ast.Compare, depth: int) -> tuple[ast.expr, Ty]:
        left, lt = self.check(node.left, depth)
        comparators: list[ast.expr] = []
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, ast.Is | ast.IsNot):
                if not (isinstance(right_node, ast.Constant) and right_node.value is None):
                    raise self.error(right_node, "'is' / 'is not' may only compare with None")
                right: ast.expr = ast.Constant(None)
                rt = NONE
            elif isinstance(op, ast.In | ast.NotIn):
                right, rt = self._container(right_node, lt, depth)
            else:
                right, rt = self.check(right_node, depth)
                self._comparable(node, op, lt, rt)
            comparators.append(right)
            lt = rt
        return ast.Compare(left, node.ops, comparators), BOOL

    def _comparable(self, node: ast.AST, op: ast.cmpop, lt: Ty, rt: Ty) -> None:
        if isinstance(op, ast.Eq | ast.NotEq):
            if lt.base == rt.base or (lt.base in ("int", "float") and rt.base in ("int", "float")):
                return
            raise self.error(node, f"cannot compare {lt} with {rt}")
        if not (lt.numeric and rt.numeric):
            raise self.error(node, f"ordering needs numbers, got {lt} and {rt}" + _null_hint(lt))

    def _container(self, node: ast.expr, item: Ty, depth: int) -> tuple[ast.expr, Ty]:
        if isinstance(node, ast.Tuple | ast.List):
            elts = []
            for e in node.elts:
                if not isinstance(e, ast.Constant):
                    raise self.error(e, "the right side of 'in' must list literals")
                out, ty = self.check(e, depth)
                if ty.base != item.base and not (ty.numeric and item.numeric):
                    raise self.error(e, f"cannot test {item} membership against {ty}")
                elts.append(out)
            return ast.Tuple(elts, ast.Load()), Ty("tuple")
        out, ty = self.check(node, depth)
        if not ty.base.startswith("list[") or ty.nullable or ty.item.base != item.base:
            raise self.error(node, f"the right side of 'in' must be a list of {item}, got {ty}")
        return out, ty

    def _IfExp(self, node: ast.IfExp, depth: int) -> tuple[ast.expr, Ty]:
        test, tt = self.check(node.test, depth)
        if tt != BOOL:
            raise self.error(node.test, f"the condition must be a bool, got {tt}" + _null_hint(tt))
        body, bt = self.check(node.body, depth)
        orelse, ot = self.check(node.orelse, depth)
        return ast.IfExp(test, body, orelse), self.unify(node, bt, ot)

    def unify(self, node: ast.AST, a: Ty, b: Ty) -> Ty:
        if a.base == "none":
            return Ty(b.base, True)
        if b.base == "none":
            return Ty(a.base, True)
        nullable = a.nullable or b.nullable
        if a.base == b.base:
            return Ty(a.base, nullable)
        if {a.base, b.base} == {"int", "float"}:
            return Ty("float", nullable)
        raise self.error(node, f"branches have different types: {a} and {b}")

    def _Subscript(self, node: ast.Subscript, depth: int) -> tuple[ast.expr, Ty]:
        value, vt = self.check(node.value, depth)
        if vt.per_layer:  # overrides[i]: that layer's value, null if none (or input absent)
            index, it = self.check(node.slice, depth)
            if it != INT:
                raise self.error(node.slice, f"an index must be an int, got {it}")
            func = ast.Attribute(ast.Name("rt", ast.Load()), "layer_value", ast.Load())
            return ast.Call(func, [value, index], []), Ty(vt.item.base, True)
        if not (vt.base.startswith("list[") or vt.base == "str") or vt.nullable:
            raise self.error(
                node, f"only lists and strings can be indexed, got {vt}" + _null_hint(vt)
            )
        index, it = self.check(node.slice, depth)
        if it != INT:
            raise self.error(node.slice, f"an index must be an int, got {it}")
        return ast.Subscript(value, index, ast.Load()), STR if vt.base == "str" else vt.item

    def _Call(self, node: ast.Call, depth: int) -> tuple[ast.expr, Ty]:
        if not isinstance(node.func, ast.Name):
            allowed = ", ".join(sorted(FUNCTIONS))
            raise self.error(node, f"only these functions may be called: {allowed}")
        name = node.func.id
        if name not in FUNCTIONS:
            close = difflib.get_close_matches(name, list(FUNCTIONS), n=2, cutoff=0.6)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            allowed = ", ".join(sorted(FUNCTIONS))
            raise self.error(node, f"function {name!r} is not allowed{hint} (allowed: {allowed})")
        if node.keywords:
            raise self.error(node, f"{name}() takes no keyword arguments")
        args = [self.check(a, depth) for a in node.args]
        return self._call(node, name, args)

    def _call(
        self, node: ast.Call, name: str, args: list[tuple[ast.expr, Ty]]
    ) -> tuple[ast.expr, Ty]:
        tys = [t for _, t in args]
        nodes = [a for a, _ in args]

        def need(count: int, exact: bool = True) -> None:
            if (len(args) != count) if exact else (len(args) < count):
                want = f"{count}" if exact else f"at least {count}"
                raise self.error(node, f"{name}() takes {want} arguments, got {len(args)}")

        def callee(*params: ast.expr) -> ast.expr:
            path = FUNCTIONS[name][0].split(".")
            func: ast.expr = ast.Name(path[0], ast.Load())
            for part in path[1:]:
                func = ast.Attribute(func, part, ast.Load())
            return ast.Call(func, list(params), [])

        if name in ("min", "max"):
            need(2, exact=False)
            for a, t in zip(node.args, tys, strict=True):
                if not t.numeric:
                    raise self.error(a, f"{name}() needs numbers, got {t}" + _null_hint(t))
            return callee(*nodes), FLOAT if FLOAT in tys else INT
        if name == "min_present":
            need(2, exact=False)
            for a, t in zip(node.args, tys, strict=True):
                if t.base not in ("int", "float"):
                    raise self.error(a, f"min_present() needs numbers, got {t}")
            base = "float" if any(t.base == "float" for t in tys) else "int"
            return callee(*nodes), Ty(base, True)
        if name == "ceil_div":
            need(2)
            if tys != [INT, INT]:
                raise self.error(node, f"ceil_div() needs two ints, got {tys[0]} and {tys[1]}")
            return callee(*nodes), INT
        if name == "coalesce":
            need(2, exact=False)
            ty, out = tys[-1], nodes[-1]
            for a, t, n in reversed(list(zip(node.args[:-1], tys[:-1], nodes[:-1], strict=True))):
                merged = self.unify(a, t, ty)
                ty, out = Ty(merged.base, t.nullable and ty.nullable), callee(n, out)
            return out, ty
        if name == "int":
            need(1)
            if not tys[0].numeric:
                raise self.error(node, f"int() needs a number, got {tys[0]}" + _null_hint(tys[0]))
            return callee(*nodes), INT
        if name == "len":
            need(1)
            seq = tys[0]
            if not (seq.base.startswith("list[") or seq.base == "str") or seq.nullable:
                raise self.error(node, f"len() needs a list or string, got {seq}" + _null_hint(seq))
            return callee(*nodes), INT
        need(3)  # last_index
        seq, value, before = tys
        if not seq.base.startswith("list[") or seq.nullable or seq.item.base != value.base:
            raise self.error(
                node, f"last_index() needs a list and an item of it, got {seq}, {value}"
            )
        if before != INT:
            raise self.error(node, f"last_index()'s third argument must be an int, got {before}")
        return callee(*nodes), Ty("int", True)


def _null_hint(ty: Ty) -> str:
    return "; it may be null: use coalesce(x, default)" if ty.nullable else ""


def compile_expr(
    raw: object, loc: Loc, scope: Mapping[str, Name], *, quoted: bool = False
) -> Compiled:
    """Check ``raw`` (an expression string or a YAML scalar) and compile it to Python source."""
    if raw is None or isinstance(raw, bool | int | float):
        text = literal_source(raw)
    elif isinstance(raw, str):
        text = raw
    else:
        raise SchemaError(loc, f"expected an expression (a string or a number), got {raw!r}")
    if len(text) > MAX_EXPR_CHARS:
        raise SchemaError(loc, f"expression longer than {MAX_EXPR_CHARS} characters")
    checker = _Checker(text, loc, scope, quoted)
    try:
        tree = ast.parse(checker.source, mode="eval")
    except SyntaxError as exc:
        node = ast.Constant(None)
        node.lineno, node.col_offset = 1, max((exc.offset or 1) - 1, 0)
        raise checker.error(node, f"invalid expression: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise SchemaError(loc, f"invalid expression: {type(exc).__name__}") from None
    try:
        out, ty = checker.check(tree.body)
    except RecursionError:
        raise SchemaError(loc, "expression nested too deeply") from None
    source = ast.unparse(ast.fix_missing_locations(ast.Expression(out)))
    inputs = list(dict.fromkeys(checker.inputs))
    return Compiled(source, ty, inputs, checker.division)
