# generated from schemas/cwm.yaml by `make generate`; do not edit.
# kvarch-digest: render=6f8e4e9921bbe2c3 content=2218fdef2902f008
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class CwmConfig(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """CWM decoder (layer 0 and every 4th after it full attention, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cwm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CwmForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cwm.yaml"

    num_hidden_layers: rt.Layers = 64
    hidden_size: rt.Width = 6144
    sliding_window: rt.Positive = 8192

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 0 else "sliding"
