# generated from schemas/moshi.yaml by `make generate`; do not edit.
# kvarch-digest: render=aa9b8670b4848074 content=d09ca024b002a92c
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MoshiConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Moshi temporal decoder (every layer sliding_window; GQA; head_dim when given)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("moshi",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MoshiForConditionalGeneration", "MoshiForCausalLM")
    SCHEMA: ClassVar[str] = "schemas/moshi.yaml"

    max_position_embeddings: rt.Positive = 3000
    sliding_window: rt.Positive = 3000
    """Tokens each layer sees."""

    def _kind(self, i: int) -> str:
        return "sliding"

    _window = rt.from_input("sliding_window")
