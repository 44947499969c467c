# generated from schemas/ctrl.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=262d8b4af7ad9491 content=aaf8bfc2978279f0
"""CtrlConfig: CTRL decoder (multi-head attention, head_dim = n_embd / n_head)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class CtrlConfig(Gpt2Config, kw_only=True, dict=True):
    """CTRL decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ctrl",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CTRLLMHeadModel",)
    SCHEMA: ClassVar[str] = "schemas/ctrl.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gpt2Config.INPUTS,
        rt.Input(
            "max_position_embeddings",
            ("n_positions", "max_position_embeddings"),
            "int",
            default=256,
            minimum=1,
        ),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 256
    """Longest sequence the positional encoding covers."""
