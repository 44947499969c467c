"""What a generated class declares: everything, or only what differs from its parent's class.

A schema with ``extends`` compiles to a subclass of its parent's generated class. Both
schemas are rendered member by member (``Members``); the child's class body (``Body``) keeps
the members whose rendered text differs. Where a subclass cannot express the child exactly
(a field or derived value widens its type, inputs are reordered or dropped), ``inherited_body``
returns None, and the compiler tries the next ancestor, else generates the child stand-alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.expr import Ty

__all__ = ["Body", "Members", "inherited_body", "standalone_body"]


@dataclass
class Members:
    """A schema's class members, rendered (each text indented for the class body)."""

    roots: str
    """The ROOTS tuple literal."""
    rows: dict[str, str]
    """Input name -> its ``rt.Input(...)`` row, in field order."""
    fields: dict[str, tuple[Ty, str]]
    """Input name -> (type, field declaration with docstring), in field order."""
    checks: list[str]
    """One rendered block per check."""
    derived: dict[str, tuple[Ty, str]]
    """Derived name -> (return type, property)."""
    methods: dict[str, str | None]
    """Hook name -> method text, in class order (``_mla_latent_dim``: None without MLA)."""
    kind_map: str | None
    """``_KIND_NAMES`` literal, when ``_layer_kinds`` reads a kind list."""


@dataclass
class Body:
    """What one generated class body declares."""

    roots: str | None
    """ROOTS literal; None: inherited."""
    inputs: str | None
    """INPUTS expression; None: inherited."""
    members: list[str] = field(default_factory=list)
    """Fields, ``_check_rules``, properties and hooks, in order."""
    kind_map: str | None = None
    """Module-level ``_KIND_NAMES`` literal, when a method of this class uses it."""


CHECK_RULES = "    def _check_rules(self) -> None:\n"
SUPER_CHECKS = "        super()._check_rules()\n"
NO_CHECKS = "        return"


def _narrower(child: Ty, parent: Ty) -> bool:
    """Whether ``child`` may override ``parent`` (the same type, or non-null of a nullable)."""
    return child == parent or (parent.nullable and child.base in (parent.base, "none"))


def _changed(name: str, own: dict[str, tuple[Ty, str]], parent: dict[str, tuple[Ty, str]]) -> bool:
    return parent.get(name) != own[name]


def _check_rules(checks: list[str], prefix: str = "") -> str:
    return CHECK_RULES + prefix + ("\n".join(checks) if checks else NO_CHECKS)


def _table(head: str, rows: list[str]) -> str:
    return head + "".join(f"        {row},\n" for row in rows) + "    )"


def standalone_body(m: Members) -> Body:
    """Every member of a class without a generated parent."""
    members = [text for _, text in m.fields.values()]
    members.append(_check_rules(m.checks))
    members += [text for _, text in m.derived.values()]
    members += [text for text in m.methods.values() if text is not None]
    return Body(m.roots, _table("(\n", list(m.rows.values())), members, m.kind_map)


def inherited_body(m: Members, parent: Members, parent_class: str) -> Body | None:
    """Only what ``m`` changes relative to ``parent``; None if a subclass cannot express it."""
    if list(m.fields)[: len(parent.fields)] != list(parent.fields):
        return None  # inputs dropped or reordered: msgspec keeps the parent's field order
    if not parent.derived.keys() <= m.derived.keys():
        return None
    if m.derived.keys() & parent.fields.keys() or m.fields.keys() & parent.derived.keys():
        return None  # a field turned into a property or back
    if not all(_narrower(m.fields[n][0], ty) for n, (ty, _) in parent.fields.items()):
        return None  # a field's type widened: the parent's methods were typed against it
    if not all(_narrower(m.derived[n][0], ty) for n, (ty, _) in parent.derived.items()):
        return None
    if parent.methods["_mla_latent_dim"] is not None and m.methods["_mla_latent_dim"] is None:
        return None  # (merging never drops mla)
    changed_rows = [row for name, row in m.rows.items() if parent.rows.get(name) != row]
    members = [
        text for name, (_, text) in m.fields.items() if _changed(name, m.fields, parent.fields)
    ]
    if m.checks != parent.checks:
        n = len(parent.checks)
        extends = n > 0 and m.checks[:n] == parent.checks
        members.append(
            _check_rules(m.checks[n:], SUPER_CHECKS) if extends else _check_rules(m.checks)
        )
    members += [
        text for n, (_, text) in m.derived.items() if _changed(n, m.derived, parent.derived)
    ]
    kind_map = None
    for name, text in m.methods.items():
        same_map = name != "_layer_kinds" or m.kind_map == parent.kind_map
        if text is None or (parent.methods[name] == text and same_map):
            continue
        members.append(text)
        if name == "_layer_kinds":
            kind_map = m.kind_map
    inputs = _table(f"rt.override_inputs(\n        {parent_class}.INPUTS,\n", changed_rows)
    return Body(
        roots=m.roots if m.roots != parent.roots else None,
        inputs=inputs if changed_rows else None,
        members=members,
        kind_map=kind_map,
    )
