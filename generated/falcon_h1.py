# generated from schemas/falcon_h1.yaml by `make generate`; do not edit.
# kvarch-digest: render=aa7acd7b886d6cdf content=f36d53226ba2962c
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class FalconH1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Falcon-H1 parallel hybrid decoder (attention beside Mamba2 in every layer)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("falcon_h1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FalconH1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/falcon_h1.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 8192
