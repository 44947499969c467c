# generated from schemas/iquestcoder.yaml by `make generate`; do not edit.
# kvarch-digest: render=f372c72b34730273 content=f4b8b62c8b4e2306
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class IQuestCoderConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """IQuestCoder decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("iquestcoder",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/iquestcoder.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        80
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 40
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 5120
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    use_sliding_window: bool = False
    """Must stay false (transformers rejects a sliding window for this family)."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield (
            "use_sliding_window",
            "false (IQuestCoder has no sliding-window attention)",
            not self.use_sliding_window,
        )
