# generated from schemas/gemma4_unified_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=0ee298fa6f42f641 content=6c767fa57e082c61
from typing import ClassVar

from generated.gemma4_text import Gemma4TextConfig
from kvarch import schema_runtime as rt


class Gemma4UnifiedTextConfig(Gemma4TextConfig, frozen=True, kw_only=True, dict=True):
    """Gemma4 Unified text decoder (Gemma4 geometry; full layers use their own head dim)."""

    SCHEMA: ClassVar[str] = "schemas/gemma4_unified_text.yaml"

    max_position_embeddings: rt.Positive = 262144
    sliding_window: rt.Positive = 1024
    use_bidirectional_attention: str = "vision"
