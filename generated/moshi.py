# generated from schemas/moshi.yaml by `make generate`; do not edit.
# kvarch-digest: render=facc101fdff67364 content=7b2afbd7ddd98f4a
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MoshiConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Moshi temporal decoder (every layer sliding_window; GQA; head_dim when given)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("moshi",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MoshiForConditionalGeneration", "MoshiForCausalLM")
    SCHEMA: ClassVar[str] = "schemas/moshi.yaml"

    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 3000
    sliding_window: Annotated[int, rt.hf(ge=1)] = 3000
    """Tokens each layer sees."""

    def _kind(self, i: int) -> str:
        return "sliding"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
