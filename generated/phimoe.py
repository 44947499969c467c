# generated from schemas/phimoe.yaml by `make generate`; do not edit.
# kvarch-digest: render=89afd8be695e72cc content=049a3228c3936f06
from typing import ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class PhimoeConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """PhiMoE decoder (GQA; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phimoe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PhimoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phimoe.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 131072
