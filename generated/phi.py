# generated from schemas/phi.yaml by `make generate`; do not edit.
# kvarch-digest: render=8e2b280c7d5a4a67 content=fff4cbbe26f4cd0b
from typing import ClassVar

from generated.llama import LlamaConfig


class PhiConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Phi decoder (Llama geometry; partial rotary)."""

    SCHEMA: ClassVar[str] = "schemas/phi.yaml"
