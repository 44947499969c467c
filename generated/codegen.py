# generated from schemas/codegen.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=4617c1bf518ee1a8 content=7a27a21eb47a7fd3
"""CodegenConfig: CodeGen decoder (multi-head attention, head_dim = n_embd / n_head)."""

from __future__ import annotations

from typing import ClassVar

from generated.gptj import GptjConfig


class CodegenConfig(GptjConfig, kw_only=True, dict=True):
    """CodeGen decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("codegen",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CodeGenForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/codegen.yaml"
