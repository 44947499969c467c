# generated from schemas/dbrx.yaml by `make generate`; do not edit.
# kvarch-digest: render=54ba4772ed022edd content=2a614f7bb4d6a792
from typing import Annotated, ClassVar

from generated.mpt import MptConfig
from kvarch import schema_runtime as rt


class DbrxConfig(MptConfig, frozen=True, kw_only=True, dict=True):
    """DBRX decoder (grouped-query attention, KV heads in attn_config.kv_n_heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("dbrx",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DbrxForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/dbrx.yaml"

    num_kv_heads: Annotated[int, rt.hf("attn_config.kv_n_heads", ge=1)] = 1
    """KV heads (attn_config.kv_n_heads; transformers' default 1)."""
