# generated from schemas/hunyuan_v1_dense.yaml by `make generate`; do not edit.
# kvarch-digest: render=ad9a82ab1c45e160 content=740367c482e55d2c
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HunyuanV1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Hunyuan V1 decoder, dense or MoE (Llama geometry, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/hunyuan_v1_dense.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
