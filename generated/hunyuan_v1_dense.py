# generated from schemas/hunyuan_v1_dense.yaml by `make generate`; do not edit.
# kvarch-digest: render=70ac5a7d02533a39 content=83aa82e723fc635a
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HunyuanV1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Hunyuan V1 decoder, dense or MoE (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("hunyuan_v1_dense", "hunyuan_v1_moe")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = (
        "HunYuanDenseV1ForCausalLM",
        "HunYuanMoEV1ForCausalLM",
    )
    SCHEMA: ClassVar[str] = "schemas/hunyuan_v1_dense.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
