"""What a generated class declares: everything, or only what differs from its parent's class.

A schema with ``extends`` compiles to a subclass of its parent's generated class. Both
schemas are rendered member by member (``Members``); the child's class body (``Body``) keeps
the members whose rendered text differs. Where a subclass cannot express the child exactly
(a field or derived value widens its type, inputs are reordered or dropped), ``why_not`` says
why, and the compiler refuses the schema (``based_on`` asks for a stand-alone class).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.expr import Ty

__all__ = ["Body", "Members", "borrowed_body", "inherited_body", "standalone_body", "why_not"]


@dataclass
class Members:
    """A schema's class members, rendered (each text indented for the class body)."""

    attributes: dict[str, str]
    """Class attribute name -> its assignment line (ROOTS, KIND_LIST, KIND_NAMES); absent:
    the base class's value."""
    fields: dict[str, tuple[Ty, str]]
    """Input name -> (type, field declaration), in field order."""
    field_docs: dict[str, str]
    """Input name -> its docstring (a field that only changes its default keeps the parent's)."""
    checks: list[str]
    """One rendered ``yield`` line per check."""
    derived: dict[str, tuple[Ty, str]]
    """Derived name -> (return type, property)."""
    lets: dict[str, str]
    """Method name -> the method of a per-layer ``let`` name."""
    hooks: dict[str, str | None]
    """Hook name -> method text, in class order; None: the base class's default."""
    state_rows: list[str] = field(default_factory=list)
    """The ``_state`` hook's ``rt.state`` rows, one per declared state, in order."""


@dataclass
class Body:
    """What one generated class body declares."""

    attributes: list[str] = field(default_factory=list)
    """Class attribute assignments."""
    members: list[str] = field(default_factory=list)
    """Fields, ``_checks``, properties and hooks, in order."""


CHECKS = "    def _checks(self) -> rt.Checks:\n"
SUPER_CHECKS = "        yield from super()._checks()\n"
FIRST_CHECKS = "        yield from rt.first_checks(super()._checks(), {n})\n"
NO_CHECKS = "        yield from ()"
BASE = "rt.SchemaArchConfig"
STATE = "    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:\n"
#: Class attribute assignments, one a line (``    _count = rt.from_input("n")``).
_ASSIGNMENTS = re.compile(r"(    [A-Za-z_]\w* = [^\n]+\n?)+")


def _narrower(child: Ty, parent: Ty) -> bool:
    """Whether ``child`` may override ``parent`` (the same type, or non-null of a nullable)."""
    return child == parent or (parent.nullable and child.base in (parent.base, "none"))


def _checks(checks: list[str], prefix: str = "") -> str:
    if prefix and not checks:
        return CHECKS + prefix.rstrip("\n")
    return CHECKS + prefix + ("\n".join(checks) if checks else NO_CHECKS)


def _kept(checks: list[str], parent: list[str]) -> int:
    """How many of ``parent``'s checks ``checks`` begins with (the same text: the same rule)."""
    n = 0
    while n < min(len(checks), len(parent)) and checks[n] == parent[n]:
        n += 1
    return n


def _fields(texts: list[str]) -> list[str]:
    """The field declarations as one block (fields follow each other without blank lines)."""
    return ["\n".join(texts)] if texts else []


def _grouped(members: list[str]) -> list[str]:
    """``members`` with each run of one-line assignments (``_count = rt.from_input(...)``)
    joined into one block (the class body separates blocks by a blank line)."""
    out: list[str] = []
    for text in members:
        if out and _ASSIGNMENTS.fullmatch(text) and _ASSIGNMENTS.fullmatch(out[-1]):
            out[-1] += "\n" + text
        else:
            out.append(text)
    return out


def standalone_body(m: Members) -> Body:
    """Every member of a class without a generated parent."""
    members = _fields([f"{text}\n{m.field_docs[n]}" for n, (_, text) in m.fields.items()])
    if m.checks:
        members.append(_checks(m.checks))
    members += [text for _, text in m.derived.values()]
    members += list(m.lets.values())
    members += [text for text in m.hooks.values() if text is not None]
    return Body(list(m.attributes.values()), _grouped(members))


def borrowed_body(m: Members, source: Members, owner: str) -> Body:
    """Every member of a stand-alone (``based_on``) class, where a method or property renders
    exactly as in ``source``'s class (``owner``) taken from that class instead of restated: the
    text was compiled against this schema's own inputs, so it means the same here."""
    members = _fields([f"{text}\n{m.field_docs[n]}" for n, (_, text) in m.fields.items()])
    borrowed: list[str] = []
    own: list[str] = []
    if m.checks:
        if m.checks == source.checks:
            borrowed.append(f"    _checks = {owner}._checks")
        else:
            own.append(_checks(m.checks))
    for n, (_, text) in m.derived.items():
        same = source.derived.get(n, (None, None))[1] == text
        (borrowed if same else own).append(f"    {n} = {owner}.{n}" if same else text)
    for n, text in m.lets.items():
        same = source.lets.get(n) == text
        (borrowed if same else own).append(f"    {n} = {owner}.{n}" if same else text)
    for n, hook in m.hooks.items():
        if hook is not None:
            same = source.hooks.get(n) == hook
            (borrowed if same else own).append(f"    {n} = {owner}.{n}" if same else hook)
    if borrowed:
        members.append("\n".join(borrowed))
    return Body(list(m.attributes.values()), _grouped(members + own))


def why_not(m: Members, parent: Members) -> str | None:
    """Why a subclass of ``parent``'s class cannot express ``m`` (None: it can)."""
    if list(m.fields)[: len(parent.fields)] != list(parent.fields):
        # msgspec keeps the parent's field order
        return "it drops or reorders the parent's inputs"
    if not parent.derived.keys() <= m.derived.keys():
        return "it drops a derived value"
    turned = (m.derived.keys() & parent.fields.keys()) | (m.fields.keys() & parent.derived.keys())
    if turned:
        return f"{sorted(turned)[0]} turns from an input into a derived value or back"
    for kind, own, theirs in (
        ("input", m.fields, parent.fields),
        ("derived", m.derived, parent.derived),
    ):
        for n, (ty, _) in theirs.items():
            if not _narrower(own[n][0], ty):  # the parent's methods were typed against it
                return f"it widens {kind} {n} from {ty.py} to {own[n][0].py}"
    return None


def inherited_body(m: Members, parent: Members) -> Body | None:
    """Only what ``m`` changes relative to ``parent``; None if a subclass cannot express it."""
    if why_not(m, parent) is not None:
        return None
    attributes = [
        m.attributes.get(name, f"{name} = {BASE}.{name}")  # back to the base class's value
        for name in dict.fromkeys([*parent.attributes, *m.attributes])
        if m.attributes.get(name) != parent.attributes.get(name)
    ]
    members = _fields(
        [
            text if parent.field_docs.get(n) == m.field_docs[n] else f"{text}\n{m.field_docs[n]}"
            for n, (_, text) in m.fields.items()
            if parent.fields.get(n) != m.fields[n] or parent.field_docs.get(n) != m.field_docs[n]
        ]
    )
    if m.checks != parent.checks:
        # the parent's leading checks are called, not restated: all of them, or the first n
        n = _kept(m.checks, parent.checks)
        prefix = "" if n == 0 else SUPER_CHECKS if n == len(parent.checks) else FIRST_CHECKS
        members.append(_checks(m.checks[n:], prefix.format(n=n)))
    members += [text for n, (_, text) in m.derived.items() if parent.derived.get(n) != m.derived[n]]
    members += [text for n, text in m.lets.items() if parent.lets.get(n) != text]
    for name, text in m.hooks.items():
        if text != parent.hooks[name]:
            if name == "_state" and _extends(m.state_rows, parent.state_rows):
                text = _more_state(m.state_rows[len(parent.state_rows) :])
            members.append(text if text is not None else f"    {name} = {BASE}.{name}")
    return Body(attributes, _grouped(members))


def _extends(rows: list[str], parent: list[str]) -> bool:
    """Whether ``rows`` are ``parent``'s states (the same text: the same rule), then more."""
    return 0 < len(parent) < len(rows) and _kept(rows, parent) == len(parent)


def _more_state(rows: list[str]) -> str:
    """A ``_state`` hook that keeps the parent's states and adds ``rows``: the parent's are
    called, not restated, as leading checks are."""
    more = "".join(f", {row}" for row in rows)
    return STATE + f"        return (*super()._state(i, kind, kinds), *rt.state(self._n, i{more}))"
