# generated from schemas/dbrx.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=99f4476acccb8d27 content=06787750a40d82dc
"""DbrxConfig: DBRX decoder (grouped-query attention, KV heads in attn_config.kv_n_heads)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.mpt import MptConfig
from kvarch import schema_runtime as rt


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
