# generated from schemas/codegen.yaml by `make generate`; do not edit.
# kvarch-digest: render=0fa00ac15cee538e content=6b62a1580e207b2c
from typing import ClassVar

from generated.gptj import GptjConfig


class CodegenConfig(GptjConfig, kw_only=True, dict=True):
    """CodeGen decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("codegen",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CodeGenForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/codegen.yaml"
