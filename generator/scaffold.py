"""``kvarch new NAME``: a new schema file to start from."""

from __future__ import annotations

from pathlib import Path

from generator.compiler import STEM
from generator.errors import Loc, SchemaError

__all__ = ["scaffold"]

_TEMPLATE = """\
# {name}: describe the family here. Language reference: docs/schema.md
kvarch: 1
class: {cls}
description: {name} decoder.
model_types: [{name}]
architectures: [{cls_arch}ForCausalLM]

inputs:
  num_hidden_layers: {{type: int, from: [num_hidden_layers, n_layer], min: 1}}
  num_attention_heads: {{type: int, min: 1}}
  num_kv_heads: {{type: int, from: num_key_value_heads, default: null, min: 1}}
  hidden_size: {{type: int, min: 1}}
  explicit_head_dim: {{type: int, from: head_dim, default: null, min: 1}}
  max_position_embeddings: {{type: int, default: 2048, min: 1}}

derived:
  kv_heads: coalesce(num_kv_heads, num_attention_heads)
  attn_head_dim: coalesce(explicit_head_dim, hidden_size // num_attention_heads)

checks:
  - expr: num_attention_heads % kv_heads == 0
    field: num_kv_heads
    message: a divisor of num_attention_heads

layers:
  count: num_hidden_layers
  kind: full
  num_kv_heads: kv_heads
  head_dim: attn_head_dim

max_length: max_position_embeddings
"""


def scaffold(name: str, directory: Path) -> Path:
    """Write ``directory/NAME.yaml`` (a plain full-attention schema to edit); never overwrites."""
    if not isinstance(name, str) or not STEM.match(name):
        raise SchemaError(Loc(str(name)), "schema name must match [a-z][a-z0-9_]* (a model_type)")
    path = Path(directory) / f"{name}.yaml"
    if path.exists():
        raise SchemaError(Loc(path.as_posix()), "schema already exists; edit it instead")
    cls = "".join(p.capitalize() for p in name.split("_"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as f:
        f.write(_TEMPLATE.format(name=name, cls=cls + "Config", cls_arch=cls))
    return path
