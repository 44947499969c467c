# generated from schemas/iquestcoder.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=6f15febc7e58d8e9 content=4093471bf2d0fe17
"""IQuestCoderConfig: IQuestCoder decoder (Llama geometry, explicit head_dim)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class IQuestCoderConfig(LlamaConfig, kw_only=True, dict=True):
    """IQuestCoder decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("iquestcoder",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/iquestcoder.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=80,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=40, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=5120, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input("use_sliding_window", ("use_sliding_window",), "bool", default=False),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 80
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 40
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 5120
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

    use_sliding_window: bool = False
    """Must stay false (transformers rejects a sliding window for this family)."""

    def _check_rules(self) -> None:
        super()._check_rules()
        ok = not self.use_sliding_window
        if not ok:
            rt.fail(
                self._n,
                "use_sliding_window",
                self.use_sliding_window,
                "false (IQuestCoder has no sliding-window attention)",
            )
