# generated from schemas/persimmon.yaml by `make generate`; do not edit.
# kvarch-digest: render=0679088035e2a170 content=27b095894dab7e83
from typing import Annotated, ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class PersimmonConfig(GptNeoxConfig, kw_only=True, dict=True):
    """Persimmon decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("persimmon",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PersimmonForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/persimmon.yaml"

    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 16384
    """Longest sequence the positional encoding covers."""
