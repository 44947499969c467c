# generated from schemas/moshi.yaml by `make generate`; do not edit.
# kvarch-digest: render=4ae1b20c40c9d3d6 content=2d313795687a87b8
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MoshiConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Moshi temporal decoder (every layer sliding_window; GQA; head_dim when given)."""

    SCHEMA: ClassVar[str] = "schemas/moshi.yaml"

    max_position_embeddings: rt.Positive = 3000
    sliding_window: rt.Positive = 3000
    """Tokens each layer sees."""

    def _kind(self, i: int) -> str:
        return "sliding"

    _window = rt.from_input("sliding_window")
