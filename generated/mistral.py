# generated from schemas/mistral.yaml by `make generate`; do not edit.
# kvarch-digest: render=9f3dbdf2560ea900 content=77adab66bad82b48
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MistralConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Mistral decoder (Llama geometry; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mistral",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MistralForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mistral.yaml"

    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 32768
    sliding_window: Annotated[int, rt.hf(ge=1)] | None = None
    """Tokens each layer sees; null means full attention."""

    @rt.reads("sliding_window")
    def _kind(self, i: int) -> str:
        return "full" if self.sliding_window is None else "sliding"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
