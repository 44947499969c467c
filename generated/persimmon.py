# generated from schemas/persimmon.yaml by `make generate`; do not edit.
# kvarch-digest: render=a43644cfe0ef715f content=bba1e41b8108c3c6
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class PersimmonConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """Persimmon decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("persimmon",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PersimmonForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/persimmon.yaml"

    max_position_embeddings: rt.Positive = 16384
