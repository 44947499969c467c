# generated from schemas/phi.yaml by `make generate`; do not edit.
# kvarch-digest: render=2feec6dd2602ff4a content=efce0e5ace80e03c
from typing import ClassVar

from generated.llama import LlamaConfig


class PhiConfig(LlamaConfig, kw_only=True, dict=True):
    """Phi decoder (Llama geometry; partial rotary)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PhiForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi.yaml"
