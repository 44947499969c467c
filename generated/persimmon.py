# generated from schemas/persimmon.yaml by `make generate`; do not edit.
# kvarch-digest: render=b1531bde3d0326df content=830b08001a373522
from typing import Annotated, ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class PersimmonConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """Persimmon decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("persimmon",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PersimmonForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/persimmon.yaml"

    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 16384
