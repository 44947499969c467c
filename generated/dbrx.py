# generated from schemas/dbrx.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=f01a1f10915cda83 content=4f341e0e26aa1a5f
"""DbrxConfig: DBRX decoder (grouped-query attention, KV heads in attn_config.kv_n_heads)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated import _runtime as rt
from generated.mpt import MptConfig


class DbrxConfig(MptConfig, kw_only=True, dict=True):
    """DBRX decoder (grouped-query attention, KV heads in attn_config.kv_n_heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("dbrx",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DbrxForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/dbrx.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MptConfig.INPUTS,
        rt.Input("num_kv_heads", ("attn_config.kv_n_heads",), "int", default=1, minimum=1),
    )

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 1
    """KV heads (attn_config.kv_n_heads; transformers' default 1)."""
