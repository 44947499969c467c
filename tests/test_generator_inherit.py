"""``extends`` compiles to subclassing: a child class declares only what differs from its
parent's, behaves exactly like the stand-alone class of its merged schema, and ``extra_checks``
appends to the parent's checks."""

from __future__ import annotations

import copy
import json
import re
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

import generated
from generator import SchemaError, compile_dir, load_schemas
from generator.render import render_module
from kvarch import ConfigError
from kvarch.schema_runtime import SchemaArchConfig
from tests.oracle.variants import VARIANTS

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = {s.stem: s for s in load_schemas(REPO / "schemas")}

MUTATIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "as-is": lambda d: None,
    "kv-heads-3": lambda d: d.update(num_key_value_heads=3),
    "hidden-7": lambda d: d.update(hidden_size=7),
    "no-layers": lambda d: [d.pop(k, None) for k in ("num_hidden_layers", "n_layer")],
    "window-0": lambda d: d.update(sliding_window=0),
    "head-dim-null": lambda d: d.update(head_dim=None),
    "short-layer-types": lambda d: d.update(layer_types=["full_attention"]),
}


def config_dicts(model_types: set[str]) -> list[dict[str, Any]]:
    """The fixtures and the oracle catalogue's configs of ``model_types``, each also broken."""
    bases = [
        {"model_type": v.model_type, **v.kwargs} for v in VARIANTS if v.model_type in model_types
    ]
    bases += [json.loads(p.read_text()) for p in (REPO / "tests/fixtures/configs").glob("*.json")]
    out = []
    for base in bases:
        for mutate in MUTATIONS.values():
            config = copy.deepcopy(base)
            mutate(config)
            out.append(config)
    return out


def behaviour(cls: type[SchemaArchConfig], config: dict[str, Any]) -> tuple[str, ...]:
    """What users see of ``cls`` built from ``config``: geometry, fields, or the error."""
    try:
        cfg = cls.from_hf_config(config)
    except ValueError as exc:
        return (type(exc).__name__, str(exc))
    fields = msgspec.to_builtins(cfg)
    del fields["huggingface_config"]
    bad = {**fields, "num_hidden_layers": 0} if "num_hidden_layers" in fields else fields
    try:
        msgspec.convert(bad, cls)
        converted = "ok"
    except msgspec.ValidationError as exc:
        converted = str(exc)
    return (
        repr(cfg.layers()),
        repr(cfg.get_kv_params()),
        repr(cfg.model_max_seq_len),
        repr(list(fields.items())),
        converted,
    )


@pytest.fixture(scope="module")
def standalone() -> Iterator[dict[str, type[SchemaArchConfig]]]:
    """Each schema's class rendered stand-alone (no base class but the runtime's)."""
    classes = {}
    for stem, schema in SCHEMAS.items():
        name = f"generated._standalone_{stem}"
        module = types.ModuleType(name)
        sys.modules[name] = module
        exec(compile(render_module(schema, "generated"), f"{stem}.py", "exec"), module.__dict__)
        classes[stem] = getattr(module, schema.class_name)
    yield classes
    for stem in SCHEMAS:
        sys.modules.pop(f"generated._standalone_{stem}", None)


def test_children_subclass_their_parent_and_state_only_what_differs() -> None:
    mistral, llama = generated.MistralConfig, generated.LlamaConfig
    assert mistral.__bases__ == (llama,)
    assert {"_kind", "_window"} <= set(vars(mistral))
    assert not {"_checks", "kv_heads", "attn_head_dim", "_max_length", "_count"} & set(
        vars(mistral)
    )
    assert mistral.__struct_fields__ == (*llama.__struct_fields__, "sliding_window")
    assert [i.name for i in mistral.inputs()] == list(mistral.__struct_fields__[-7:])
    given = mistral.__struct_defaults__  # the defaults of the last fields
    defaults = dict(zip(mistral.__struct_fields__[-len(given) :], given, strict=True))
    assert defaults["max_position_embeddings"] == 131072  # MistralConfig's
    text = (REPO / "generated" / "mistral.py").read_text()
    fields = [line.strip() for line in text.splitlines() if re.match(r"    \w+: ", line)]
    declared = [line.split(":")[0] for line in fields if "ClassVar" not in line]
    # only the inputs whose defaults differ from Llama's (MistralConfig's 8, 131072 and 4096)
    assert declared == ["num_kv_heads", "max_position_embeddings", "sliding_window"]
    assert "def kv_heads" not in text


def defaults(cls: type[SchemaArchConfig]) -> list[Any]:
    # A default factory (list defaults) compares by what it makes, not by identity.
    return [d.factory() if hasattr(d, "factory") else d for d in cls.__struct_defaults__]


def test_every_child_behaves_exactly_like_its_standalone_class(
    standalone: dict[str, type[SchemaArchConfig]],
) -> None:
    # an abstract schema serves no model type: its children's configs exercise its class
    children = [s for s in SCHEMAS.values() if s.parent is not None and not s.abstract]
    assert len(children) >= 30
    for schema in children:
        cls = getattr(generated, schema.class_name)
        alone = standalone[schema.stem]
        assert alone.__bases__ == (SchemaArchConfig,)
        assert cls.__struct_fields__ == alone.__struct_fields__, schema.stem
        assert defaults(cls) == defaults(alone), schema.stem
        assert cls.inputs() == alone.inputs() and cls.ROOTS == alone.ROOTS, schema.stem
        family = {t for base in cls.__mro__ for t in getattr(base, "MODEL_TYPES", ())}
        for config in config_dicts(family):
            assert behaviour(cls, config) == behaviour(alone, config), (schema.stem, config)


def test_a_root_only_child_is_a_few_lines_and_names_its_root_in_errors() -> None:
    text = (REPO / "generated" / "gemma3.py").read_text()
    assert len(text.splitlines()) <= 20 and "def " not in text
    with pytest.raises(ConfigError) as caught:
        generated.Gemma3VlmConfig.from_hf_config(
            {"text_config": {"num_attention_heads": 8, "num_key_value_heads": 3}}
        )
    assert caught.value.field == "num_kv_heads (from text_config.num_key_value_heads)"


def test_extra_checks_run_after_the_parents_checks() -> None:
    cls = generated.Exaone4Config
    assert "yield from super()._checks()" in (REPO / "generated" / "exaone4.py").read_text()
    good = {"num_hidden_layers": 4, "num_attention_heads": 4, "num_key_value_heads": 2}
    with pytest.raises(ConfigError, match="a divisor of num_attention_heads"):
        cls.from_hf_config({**good, "num_key_value_heads": 3})  # llama's check
    with pytest.raises(ConfigError, match=r"sliding_window_pattern: got 0; expected at least 1"):
        cls.from_hf_config({**good, "sliding_window_pattern": 0})  # exaone4's own
    assert len(SCHEMAS["exaone4"].checks) == len(SCHEMAS["llama"].checks) + 1


TOY = """\
kvarch: 1
model_types: [toy]
inputs:
  n: {type: int, from: num_hidden_layers, min: 1}
  heads: {type: int, default: null, min: 1}
  spare: {type: int, default: 4}
derived:
  kv: coalesce(heads, 1)
checks:
  - expr: n >= kv
    message: at least the KV heads
layers: {count: n, num_kv_heads: kv, head_dim: 8}
max_length: 2048
"""


def write(tmp_path: Path, **schemas: str) -> Path:
    for stem, text in schemas.items():
        (tmp_path / f"{stem}.yaml").write_text(text)
    return tmp_path


def test_extends_means_exactly_the_base_class(tmp_path: Path) -> None:
    """A child no subclass can express is refused, naming why; ``based_on`` starts from the
    named schema's keys and generates a stand-alone class."""
    narrow = "extends: toy\nmodel_types: [narrow]\ninputs:\n  heads: {default: 2}\n"
    wide = "extends: narrow\nmodel_types: [wide]\ninputs:\n  heads: {default: null}\n"
    write(tmp_path, toy=TOY, narrow=narrow, wide=wide)
    with pytest.raises(
        SchemaError,
        match=r"wide\.yaml:1:10: extends narrow: WideConfig cannot subclass NarrowConfig: it "
        r"widens input heads from int to int \| None; write 'based_on: narrow'",
    ):
        compile_dir(tmp_path)
    write(tmp_path, wide=wide.replace("extends:", "based_on:"))
    files = compile_dir(tmp_path).files
    assert "class NarrowConfig(ToyConfig," in files["narrow.py"]
    assert "class WideConfig(rt.SchemaArchConfig," in files["wide.py"]
    both = "extends: toy\nbased_on: toy\nmodel_types: [both]\n"
    write(tmp_path, wide=both)
    with pytest.raises(SchemaError, match="give 'extends' or 'based_on', not both"):
        compile_dir(tmp_path)


def test_extra_checks_append_and_need_extends_without_checks(tmp_path: Path) -> None:
    extra = "extra_checks:\n  - {expr: n > 1, message: more than one}\n"
    write(tmp_path, toy=TOY, child=f"extends: toy\nmodel_types: [child]\n{extra}")
    child = {s.stem: s for s in load_schemas(tmp_path)}["child"]
    assert [c.message for c in child.checks] == ["at least the KV heads", "more than one"]
    own = "checks:\n  - {expr: n > 0, message: positive}\n"
    for name, schemas in {
        "no-extends": {"toy": TOY + extra},
        "with-checks": {"toy": TOY, "c": f"extends: toy\nmodel_types: [c]\n{own}{extra}"},
    }.items():
        (tmp_path / name).mkdir()
        with pytest.raises(SchemaError, match=r"\.yaml:\d+:1: 'extra_checks' appends to the"):
            load_schemas(write(tmp_path / name, **schemas))
