# generated from schemas/phi4_multimodal.yaml by `make generate`; do not edit.
# kvarch-digest: render=0298449f58467669 content=81ae17b709e3d18d
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi4MultimodalConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Phi-4-multimodal decoder (GQA; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/phi4_multimodal.yaml"

    num_kv_heads: rt.KvHeadsOrNull | None = 8
    """KV heads (absent -> transformers' default 8; null -> one per query head)."""
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = None
