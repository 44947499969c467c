# generated from schemas/lara_mini.yaml by `make generate`; do not edit.
# kvarch-digest: render=5f34b24c65086dfd content=fd82eb47132afd5a
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class LaraMiniConfig(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """Lara-Mini decoder (linear-attention layers keep no KV; sliding and full layers do)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("lara_mini",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("LaraMiniForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/lara_mini.yaml"

    num_hidden_layers: rt.Layers = 34
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 1024
    layer_types: list[str] | None = None
    """Per-layer block kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "none" if i % 5 in (0, 2) else "full" if i % 5 == 3 else "sliding"
