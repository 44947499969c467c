# generated from schemas/phi4_multimodal.yaml by `make generate`; do not edit.
# kvarch-digest: render=404d88839d330ffd content=c9d9273a39bca018
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi4MultimodalConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Phi-4-multimodal decoder (GQA; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi4_multimodal",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Phi4MultimodalForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi4_multimodal.yaml"

    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 8
    """KV heads (absent -> transformers' default 8; null -> one per query head)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
