# generated from schemas/mistral.yaml by `make generate`; do not edit.
# kvarch-digest: render=08c6e0cf2bd91d84 content=7672329cb765d1a8
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MistralConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Mistral decoder (Llama geometry; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/mistral.yaml"

    max_position_embeddings: rt.Positive = 32768
    sliding_window: rt.Positive | None = None
    """Tokens each layer sees; null means full attention."""

    @rt.reads("sliding_window")
    def _kind(self, i: int) -> str:
        return "full" if self.sliding_window is None else "sliding"

    _window = rt.from_input("sliding_window")
