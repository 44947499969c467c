# generated from schemas/gemma4_unified_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=69355c433c5805b2 content=7969445fb0e951ca
from typing import Annotated, ClassVar

from generated.gemma4_text import Gemma4TextConfig
from kvarch import schema_runtime as rt


class Gemma4UnifiedTextConfig(Gemma4TextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma4 Unified text decoder (Gemma4 geometry; full layers use their own head dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma4_unified_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma4UnifiedForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gemma4_unified_text.yaml"

    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 262144
    """Longest sequence the positional encoding was trained for."""
    sliding_window: Annotated[int, rt.hf(ge=1)] = 1024
    """Tokens a sliding layer sees."""
    use_bidirectional_attention: str = "vision"
    """\"all\" (embedding use) narrows the window to sliding_window // 2 + 1."""
