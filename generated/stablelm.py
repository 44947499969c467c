# generated from schemas/stablelm.yaml by `make generate`; do not edit.
# kvarch-digest: render=c758f4885b1c165c content=276e8d04037d35a3
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class StableLmConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """StableLM decoder (every layer full attention; head_dim = hidden / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("stablelm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("StableLmForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/stablelm.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2560
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096

    def _checks(self) -> rt.Checks:
        yield (
            "num_kv_heads",
            "a divisor of num_attention_heads",
            self.num_attention_heads % self.kv_heads == 0,
        )
        yield (
            "hidden_size",
            "a multiple of num_attention_heads",
            self.hidden_size % self.num_attention_heads == 0,
        )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head (transformers ignores a head_dim in the config)."""
        return self.hidden_size // self.num_attention_heads

    @rt.reads("hidden_size", "num_attention_heads")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.attn_head_dim
