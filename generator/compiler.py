"""Compile a directory of schemas into the generated package, in memory."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Loc, SchemaError
from generator.render import format_sources, render_modules, render_registry
from generator.schema import NOT_INHERITED, Schema, build_schema
from generator.stamp import stamp
from generator.yamlload import YList, YMap, load_yaml, loc_of

__all__ = ["STEM", "CompileResult", "compile_dir", "finish", "load_schemas", "render_dir"]

STEM = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_EXTENDS_DEPTH = 16


@dataclass
class CompileResult:
    """Rendered files (path relative to the output package -> text) and their schemas."""

    files: dict[str, str]
    schemas: list[Schema]


def _read(path: Path, display: str) -> YMap:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(Loc(display), f"cannot read schema: {exc}") from None
    data = load_yaml(text, display)
    if not isinstance(data, YMap):
        raise SchemaError(Loc(display, 1, 1), "a schema must be a YAML mapping")
    return data


def merge(parent: YMap, child: YMap) -> YMap:
    """``child`` over ``parent``: mappings merge key by key, anything else is replaced."""
    out = YMap()
    out.loc = child.loc
    out.key_locs, out.value_locs = dict(parent.key_locs), dict(parent.value_locs)
    out.quoted = dict(parent.quoted)
    out.update(parent)
    for key, value in child.items():
        old = out.get(key)
        out[key] = merge(old, value) if isinstance(old, YMap) and isinstance(value, YMap) else value
        out.key_locs[key] = child.key_locs[key]
        out.value_locs[key] = child.value_locs[key]
        out.quoted[key] = child.quoted.get(key, False)
    return out


def _resolve(stem: str, raw: dict[str, YMap], chain: list[str]) -> YMap:
    m = raw[stem]
    if "extends" in m and "based_on" in m:
        raise SchemaError(m.key_locs["based_on"], "give 'extends' or 'based_on', not both")
    key = "based_on" if "based_on" in m else "extends"
    parent = m.get(key)
    if "extra_checks" in m and (parent is None or "checks" in m):
        raise SchemaError(
            m.key_locs["extra_checks"],
            "'extra_checks' appends to the checks of the schema named by 'extends'; "
            "without 'extends', or together with 'checks', write 'checks' alone",
        )
    if parent is None:
        if _inherits(m.get("checks")):
            raise SchemaError(
                m.key_locs["checks"],
                "'inherit' takes a check of the schema named by 'extends'; there is none",
            )
        return m
    if not isinstance(parent, str) or parent not in raw:
        known = ", ".join(sorted(raw))
        raise SchemaError(loc_of(m, key), f"{key} {parent!r}: no such schema ({known})")
    if parent in chain or len(chain) > MAX_EXTENDS_DEPTH:
        cycle = " -> ".join([*chain, stem, parent])
        raise SchemaError(loc_of(m, key), f"extends cycle: {cycle}")
    base = _resolve(parent, raw, [*chain, stem])
    inherited = YMap({k: v for k, v in base.items() if k not in NOT_INHERITED})
    inherited.loc, inherited.quoted = base.loc, dict(base.quoted)
    inherited.key_locs, inherited.value_locs = dict(base.key_locs), dict(base.value_locs)
    merged = merge(inherited, m)
    if _inherits(m.get("checks")):
        merged["checks"] = _with_inherited(base.get("checks"), m, parent)
    if "extra_checks" in m:
        merged["checks"] = _appended(base.get("checks"), m, "extra_checks")
        merged.key_locs["checks"] = m.key_locs["extra_checks"]
        merged.value_locs["checks"] = m.value_locs["extra_checks"]
        del merged["extra_checks"]
    return merged


def _inherits(checks: object) -> bool:
    return isinstance(checks, YList) and any(isinstance(c, YMap) and "inherit" in c for c in checks)


def _with_inherited(first: object, m: YMap, parent: str) -> YList:
    """``m``'s checks with each ``{inherit: FIELD}`` item replaced by the parent's checks that
    report ``FIELD`` (in their order, at that place): a child names, never restates, them."""
    own = m["checks"]
    assert isinstance(own, YList)
    theirs = first if isinstance(first, YList) else YList()
    out = YList()
    out.loc, out.item_locs, out.quoted = own.loc, [], []
    for n, item in enumerate(own):
        if not (isinstance(item, YMap) and "inherit" in item):
            out.append(item)
            out.item_locs.append(own.item_locs[n])
            out.quoted.append(own.quoted[n])
            continue
        field = item["inherit"]
        if len(item) != 1:
            raise SchemaError(loc_of(own, n), "an 'inherit' item takes no other key")
        found = [
            k
            for k, check in enumerate(theirs)
            if isinstance(check, YMap) and check.get("field") == field
        ]
        if not found:
            raise SchemaError(
                loc_of(item, "inherit"), f"inherit {field!r}: no check of {parent} reports it"
            )
        for k in found:
            out.append(theirs[k])
            out.item_locs.append(theirs.item_locs[k])
            out.quoted.append(theirs.quoted[k])
    return out


def _appended(first: object, m: YMap, key: str) -> YList:
    """The list ``first`` (absent: empty) followed by the list ``m[key]``, positions kept."""
    second = m[key]
    if not isinstance(second, YList) or not isinstance(first, YList | None):
        raise SchemaError(loc_of(m, key), f"{key!r} and the parent's 'checks' must be lists")
    head = first if first is not None else YList()
    out = YList([*head, *second])
    out.loc = second.loc
    out.item_locs = [*getattr(head, "item_locs", []), *second.item_locs]
    out.quoted = [*getattr(head, "quoted", []), *second.quoted]
    return out


def load_schemas(schema_dir: Path, display_root: Path | None = None) -> list[Schema]:
    """Load, merge and check every ``*.yaml`` schema in ``schema_dir`` as one set."""
    root = display_root if display_root is not None else schema_dir.parent
    raw: dict[str, YMap] = {}
    files: dict[str, str] = {}
    for path in sorted(schema_dir.glob("*.yaml")):
        display = _display(path, root)
        if not STEM.match(path.stem) or keyword.iskeyword(path.stem):
            raise SchemaError(
                Loc(display),
                f"schema file name {path.stem!r} must match [a-z][a-z0-9_]* (no keyword)",
            )
        raw[path.stem] = _read(path, display)
        files[path.stem] = display
    built: dict[str, Schema] = {}
    for stem in raw:
        _build(stem, raw, files, built)
    schemas = [built[stem] for stem in raw]
    _check_set(schemas, raw)
    return schemas


def _build(
    stem: str, raw: dict[str, YMap], files: dict[str, str], built: dict[str, Schema]
) -> Schema:
    """The schema ``stem``, built after the one it extends or is based on (whose ``let``
    methods' parameters its own ``let`` names keep)."""
    if stem in built:
        return built[stem]
    merged = _resolve(stem, raw, [])  # refuses cycles and unknown parents first
    merged.pop("extends", None)
    merged.pop("based_on", None)
    parent = raw[stem].get("extends")
    source = raw[stem].get("based_on")
    above = parent if isinstance(parent, str) else source if isinstance(source, str) else None
    lets = {}
    if above is not None:
        lets = {let.name: let.params for let in _build(above, raw, files, built).layers.lets}
    schema = build_schema(stem, files[stem], merged, lets)
    schema.parent = parent if isinstance(parent, str) else None
    if schema.parent is not None:
        schema.extends_loc = loc_of(raw[stem], "extends")
    schema.source = source if isinstance(source, str) else None
    built[stem] = schema
    return schema


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _check_set(schemas: list[Schema], raw: dict[str, YMap]) -> None:
    owners: dict[tuple[str, str], str] = {}
    for s in schemas:
        m = raw[s.stem]
        keys = [("class", s.class_name)]
        keys += [("model_type", t) for t in s.model_types]
        keys += [("architecture", a) for a in s.architectures]
        for what, value in keys:
            other = owners.setdefault((what, value), s.file)
            if other != s.file:
                key = {"class": "class", "model_type": "model_types"}.get(what, "architectures")
                raise SchemaError(
                    loc_of(m, key) if key in m else m.loc,
                    f"duplicate {what} {value!r}: already served by {other}",
                )


def render_dir(schema_dir: Path, package: str = "generated") -> CompileResult:
    """Every schema compiled to unformatted module text; raises ``SchemaError``."""
    schemas = load_schemas(schema_dir)
    files = render_modules(schemas, package)
    files["__init__.py"] = render_registry(schemas, package)
    return CompileResult(files, schemas)


def finish(rendered: dict[str, str]) -> dict[str, str]:
    """Rendered texts formatted with ruff and stamped with their digest line."""
    formatted = format_sources(rendered)
    return {name: stamp(formatted[name], rendered[name]) for name in rendered}


def compile_dir(schema_dir: Path, package: str = "generated") -> CompileResult:
    """Every schema compiled to final module text; raises ``SchemaError``, writes nothing."""
    result = render_dir(schema_dir, package)
    return CompileResult(finish(result.files), result.schemas)
