# generated from schemas/sarvam_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=66cd183d51862578 content=1ca20f1bb6fdfd1e
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class SarvamMoEConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Sarvam MoE decoder (GLM-4-MoE geometry, explicit head_dim, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/sarvam_moe.yaml"

    num_hidden_layers: rt.Layers = 19
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 4096
    explicit_head_dim: rt.HeadDim = 64
    """Per-head width (transformers' default 64 when the config omits it)."""
    max_position_embeddings: rt.Positive = 131072
