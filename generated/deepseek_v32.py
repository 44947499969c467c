# generated from schemas/deepseek_v32.yaml by `make generate`; do not edit.
# kvarch-digest: render=0344ff2e1a9b77ed content=d070e3c8f5c042a2
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class DeepseekV32Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """DeepSeek-V3.2 decoder (MLA latent KV cache plus the DSA indexer's keys on every layer)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("deepseek_v32",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DeepseekV32ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/deepseek_v32.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"indexed_attention": "full"})

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 61
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 128
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 163840
    layer_types: list[str] | None = None
    """Per-layer attention kind (transformers fills \"indexed_attention\")."""
    index_head_dim: Annotated[int, rt.hf(ge=1)] = 128
    """Width of the one key head the DSA indexer caches per token."""

    @rt.reads("index_head_dim")
    def _extra_keys(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.ExtraKeys, ...]:
        return rt.extra_keys(self._n, i, ("indexer", 1, self.index_head_dim))
