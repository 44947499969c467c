# generated from schemas/dbrx.yaml by `make generate`; do not edit.
# kvarch-digest: render=d1731e117ea5d8d3 content=7a6290cfa98c443f
from typing import Annotated, ClassVar

from generated.mpt import MptConfig
from kvarch import schema_runtime as rt


class DbrxConfig(MptConfig, frozen=True, kw_only=True, dict=True):
    """DBRX decoder (grouped-query attention, KV heads in attn_config.kv_n_heads)."""

    SCHEMA: ClassVar[str] = "schemas/dbrx.yaml"

    num_kv_heads: Annotated[int, rt.hf("attn_config.kv_n_heads", ge=1)] = 1
    """KV heads (attn_config.kv_n_heads; transformers' default 1)."""
