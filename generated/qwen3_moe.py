# generated from schemas/qwen3_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=9a94f8590b6a3073 content=54b0d5faafb81dc1
from typing import Annotated, ClassVar

from generated.qwen2 import Qwen2Config
from kvarch import schema_runtime as rt


class Qwen3MoeConfig(Qwen2Config, frozen=True, kw_only=True, dict=True):
    """Qwen3-MoE decoder (every layer sliding when use_sliding_window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_moe.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        24
    )
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2048
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 4096
    """Tokens each layer sees when use_sliding_window (transformers' default 4096)."""

    @rt.reads("use_sliding_window", "sliding_window")
    def _kind(self, i: int) -> str:
        return "sliding" if self.use_sliding_window and self.sliding_window is not None else "full"
