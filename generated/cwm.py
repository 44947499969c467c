# generated from schemas/cwm.yaml by `make generate`; do not edit.
# kvarch-digest: render=b43c57cffbc94e67 content=064874181937141d
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class CwmConfig(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """CWM decoder (layer 0 and every 4th after it full attention, the rest sliding)."""

    SCHEMA: ClassVar[str] = "schemas/cwm.yaml"

    num_hidden_layers: rt.Layers = 64
    hidden_size: rt.Width = 6144
    sliding_window: rt.Positive = 8192

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 0 else "sliding"
