# generated from schemas/ministral.yaml by `make generate`; do not edit.
# kvarch-digest: render=28168de345c494fe content=789bb9fa2102dac5
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class MinistralConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Ministral decoder (GQA; per-layer sliding/full attention, all sliding by default)."""

    SCHEMA: ClassVar[str] = "schemas/ministral.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 4096
    """Tokens a sliding layer sees (transformers' default 4096)."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""
