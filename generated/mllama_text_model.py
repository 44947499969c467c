# generated from schemas/mllama_text_model.yaml by `make generate`; do not edit.
# kvarch-digest: render=66c2f5dd8dd21b41 content=2b1f21b1b7e32ef1
from typing import ClassVar

from generated.mllama import MllamaConfig
from kvarch import schema_runtime as rt


class MllamaTextModelConfig(MllamaConfig, frozen=True, kw_only=True, dict=True):
    """Llama 3.2 Vision text decoder (cross-attention layers keep vision K/V)."""

    SCHEMA: ClassVar[str] = "schemas/mllama_text_model.yaml"
    ROOTS = rt.SchemaArchConfig.ROOTS
