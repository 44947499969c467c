# generated from schemas/phi.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=9eba6287dce03997 content=88c9f721a3c963d9
"""PhiConfig: Phi decoder (Llama geometry; partial rotary)."""

from __future__ import annotations

from typing import ClassVar

from generated.llama import LlamaConfig


class PhiConfig(LlamaConfig, kw_only=True, dict=True):
    """Phi decoder (Llama geometry; partial rotary)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PhiForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi.yaml"
