"""A field a config.json leaves out means what transformers' config class makes of it.

For every oracle variant and every schema input with a default, the field is dropped (at every
path the input reads, under the schema's root) and transformers builds its config from what is
left, as ``from_pretrained`` would from such a config.json (a composite builds its sub-config
class from the partial dict). The value transformers then holds is written back explicitly;
kvarch must resolve both configs alike: the same layers (kind, window, heads, dims, state...)
and the same ``model_max_seq_len``, or the same refusal. A scalar default must moreover equal
the config class's own field default (or the value transformers derives), so that a default
this variant does not reach (Qwen2's ``max_window_layers`` without sliding) is checked too.

Pairs are compared only where writing the value back changes nothing transformers sees of
the fields the schema reads (HRM rewrites ``num_hidden_layers``; bidirectional Gemma halves
``sliding_window``; layer lists replace the legacy fields they came from).
"""

from __future__ import annotations

import collections
import copy
import dataclasses
from typing import Any

import pytest

import generated
from kvarch.errors import KvarchError
from kvarch.schema_inputs import REQUIRED, Input
from kvarch.schema_runtime import SchemaArchConfig
from tests.oracle.variants import Variant, available_variants

VARIANTS = available_variants()
ABSENT = object()

#: (model_type, input): kvarch refuses the config without the field, with a typed error.
REFUSED = {
    # two attention_types groups are expanded only in a saved attention_layers list
    ("gpt_neo", "attention_layers"): "second_group",
}

#: Inputs whose defaults decide geometry: each must be compared in this many families at least
#: (with transformers 5.24: 116, 183, 52, 6, 65, 67; 2980 pairs over 470 variants in all).
GEOMETRY_INPUTS = {
    "num_kv_heads": 100,
    "max_position_embeddings": 150,
    "sliding_window": 40,
    "max_window_layers": 5,
    "layer_types": 50,
    "explicit_head_dim": 50,
}


def _node(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, dict):
            data = data.get(part, ABSENT)
        else:
            try:
                data = getattr(data, part)
            except Exception:  # per-layer attributes raise their own error
                return ABSENT
        if data is ABSENT:
            return ABSENT
    return data


def _drop(data: dict[str, Any], path: str) -> None:
    *head, leaf = path.split(".")
    parent = _node(data, ".".join(head)) if head else data
    if isinstance(parent, dict):
        parent.pop(leaf, None)


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *head, leaf = path.split(".")
    for part in head:
        data = data.setdefault(part, {})
    data[leaf] = value


def _plain(value: Any) -> Any:
    return [_plain(v) for v in value] if isinstance(value, list | tuple) else value


def _hf(variant: Variant, data: dict[str, Any]) -> Any:
    from transformers import AutoConfig

    kwargs = {k: v for k, v in copy.deepcopy(data).items() if k != "model_type"}
    return AutoConfig.for_model(variant.model_type, **kwargs)


def _hf_value(sub: Any, row: Input) -> tuple[str, Any] | None:
    """The first of ``row``'s paths transformers holds an attribute at, and its value."""
    for path in row.paths:
        value = _node(sub, path)
        if value is not ABSENT:
            return path, value
    return None


def _outcome(data: dict[str, Any]) -> tuple[Any, ...]:
    try:
        arch = generated.from_hf_config(data)
        return tuple(arch.layers()), arch.model_max_seq_len
    except KvarchError as exc:
        return "refused", getattr(exc, "field", None), repr(getattr(exc, "value", None))


def _class_default(sub: Any, path: str) -> Any:
    fields = {f.name: f for f in dataclasses.fields(sub)} if dataclasses.is_dataclass(sub) else {}
    field = fields.get(path)
    return ABSENT if field is None or field.default is dataclasses.MISSING else field.default


def _checked_rows(cls: type[SchemaArchConfig]) -> list[Input]:
    return [
        row
        for row in cls.inputs()
        if row.default is not REQUIRED
        and not row.type.startswith("per_layer")
        and not any(part.isdigit() for p in row.paths for part in p.split("."))
    ]


def _root(cls: type[SchemaArchConfig], data: dict[str, Any]) -> str | None:
    return next((r for r in cls.ROOTS if isinstance(_node(data, r), dict)), None)


def _refused_as_listed(variant: Variant, row: Input, got: tuple[Any, ...]) -> bool:
    field = REFUSED.get((variant.model_type, row.name))
    return field is not None and got[0] == "refused" and str(got[1]).startswith(field)


def _summary(outcome: tuple[Any, ...]) -> str:
    if outcome[0] == "refused":
        return f"refused ({outcome[1]}: {outcome[2]})"
    layers, max_len = outcome
    kinds = collections.Counter((s.kind, s.window, s.num_kv_heads, s.k_head_dim) for s in layers)
    return f"{dict(kinds)} (kind, window, KV heads, K dim) x layers, max length {max_len}"


def default_mismatches(variant: Variant, compared: list[str] | None = None) -> list[str]:
    """How kvarch's defaults differ from transformers' for ``variant``, one line per input
    (``compared`` collects the inputs that were compared)."""
    data = {"model_type": variant.model_type, **copy.deepcopy(variant.kwargs)}
    cls = generated.resolve(data)
    root = _root(cls, data)
    rows = _checked_rows(cls)
    found = []
    for row in rows:
        absent = copy.deepcopy(data)
        sub = _node(absent, root) if root else absent
        for path in row.paths:
            _drop(sub, path)
        try:
            hf = _hf(variant, absent)
        except Exception:  # transformers refuses the config without the field
            continue
        hf_sub = _node(hf, root) if root else hf
        held = _hf_value(hf_sub, row)
        if held is None or hasattr(held[1], "to_dict"):
            continue  # transformers keeps no such attribute (or a whole sub-config)
        path, value = held
        explicit = copy.deepcopy(absent)
        _put(_node(explicit, root) if root else explicit, path, _plain(value))
        try:
            hf_explicit = _hf(variant, explicit)
        except Exception:  # transformers derives the field and refuses it given
            continue
        seen = [_hf_value(hf_sub, r) for r in rows]
        if seen != [_hf_value(_node(hf_explicit, root) if root else hf_explicit, r) for r in rows]:
            continue  # transformers reads the value written back differently
        if compared is not None:
            compared.append(row.name)
        got, want = _outcome(absent), _outcome(explicit)
        if got != want and not _refused_as_listed(variant, row, got):
            found.append(f"{row.name}: absent {_summary(got)}; {path}={value!r} {_summary(want)}")
            continue
        default = row.default
        if default is None or isinstance(default, list) or value == default:
            continue
        if _class_default(hf_sub, path) not in (ABSENT, default):
            found.append(f"{row.name}: default {default!r}, transformers' {path} is {value!r}")
    return found


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.id for v in VARIANTS])
def test_absent_fields_resolve_as_transformers_fills_them(variant: Variant) -> None:
    assert default_mismatches(variant) == []


def test_the_geometry_inputs_are_compared_in_many_families() -> None:
    families: dict[str, set[str]] = collections.defaultdict(set)
    for variant in VARIANTS:
        compared: list[str] = []
        default_mismatches(variant, compared)
        for name in compared:
            families[name].add(variant.model_type)
    short = {
        n: len(families[n]) for n, least in GEOMETRY_INPUTS.items() if len(families[n]) < least
    }
    assert short == {}
