# generated from schemas/bamba.yaml by `make generate`; do not edit.
# kvarch-digest: render=8d6d0fe62d59c660 content=8193e522d25bc4e0
from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BambaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Bamba hybrid decoder (Mamba2 layers keep no KV; attention on attn_layer_indices)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bamba",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BambaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/bamba.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 262144
    attn_layer_indices: list[int] = msgspec.field(default_factory=list)
    """Indices of the attention layers (the others are Mamba2)."""

    @rt.reads("attn_layer_indices")
    def _kind(self, i: int) -> str:
        return "full" if i in self.attn_layer_indices else "none"
