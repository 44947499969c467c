# generated from schemas/qwen3_5_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=01f62ae834d0089f content=1cfd91ef9c638713
from typing import ClassVar

from generated.qwen3_next import Qwen3NextConfig
from kvarch import schema_runtime as rt


class Qwen35TextConfig(Qwen3NextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3.5 text decoder (linear-attention layers keep no KV; full attention every 4th)."""

    SCHEMA: ClassVar[str] = "schemas/qwen3_5_text.yaml"

    num_hidden_layers: rt.Layers = 32
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 4096
