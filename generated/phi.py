# generated from schemas/phi.yaml by `make generate`; do not edit.
# kvarch-digest: render=69bb4c462b6287dd content=6eaedaa4b55924a8
from typing import ClassVar

from generated.llama import LlamaConfig


class PhiConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Phi decoder (Llama geometry; partial rotary)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PhiForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi.yaml"
