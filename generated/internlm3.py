# generated from schemas/internlm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=bbfc56e1664cf724 content=7d0c9f1caa9dae64
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class InternLM3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """InternLM3 decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("internlm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("InternLM3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/internlm3.yaml"

    num_hidden_layers: rt.Layers = 48
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 2
    hidden_size: rt.Width = 4096
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 32768
