# generated from schemas/phi.yaml by `make generate`; do not edit.
# kvarch-digest: render=209860505bd9779c content=497a38e76355a69d
"""PhiConfig: Phi decoder (Llama geometry; partial rotary)."""

from __future__ import annotations

from typing import ClassVar

from generated.llama import LlamaConfig


class PhiConfig(LlamaConfig, kw_only=True, dict=True):
    """Phi decoder (Llama geometry; partial rotary)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PhiForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi.yaml"
