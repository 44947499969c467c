# generated from schemas/beam.yaml by `make generate`; do not edit.
# kvarch-digest: render=90ddb61ee2efcb5e content=1aba497ea2cfd58b
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class BeamConfig(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """Beam decoder (every 6th and the last layer full attention, the others sliding-window)."""

    SCHEMA: ClassVar[str] = "schemas/beam.yaml"

    num_hidden_layers: rt.Layers = 52
    hidden_size: rt.Width = 5120
    max_position_embeddings: rt.Positive = 8192

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 6 == 0 or i == self.num_hidden_layers - 1 else "sliding"
