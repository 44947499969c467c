# generated from schemas/bitnet.yaml by `make generate`; do not edit.
# kvarch-digest: render=4f37e82eb496b6fa content=1ed6a47f7594fc52
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BitNetConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """BitNet decoder (ternary weights; Llama geometry, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/bitnet.yaml"

    num_hidden_layers: rt.Layers = 30
    num_attention_heads: rt.Heads = 20
    num_kv_heads: rt.KvHeads = 5
    hidden_size: rt.Width = 2560
