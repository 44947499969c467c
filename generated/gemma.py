# generated from schemas/gemma.yaml by `make generate`; do not edit.
# kvarch-digest: render=87b95236b9a62a00 content=0f4a6cae6bf16585
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GemmaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Gemma decoder (explicit head_dim, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/gemma.yaml"

    num_hidden_layers: rt.Layers = 28
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeadsOrNull | None = 16
    hidden_size: rt.Width = 3072
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 256
    """Per-head width (transformers' default 256 when the config omits it)."""
    max_position_embeddings: rt.Positive = 8192
