# generated from schemas/qwen3_5_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=a8867f1d40ce2675 content=09b7fc18c8d0936c
from typing import Annotated, ClassVar

from generated.qwen3_next import Qwen3NextConfig
from kvarch import schema_runtime as rt


class Qwen35TextConfig(Qwen3NextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3.5 text decoder (linear-attention layers keep no KV; full attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_5_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3_5ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_5_text.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
