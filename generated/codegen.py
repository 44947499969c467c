# generated from schemas/codegen.yaml by `make generate`; do not edit.
# kvarch-digest: render=c3be6329d0c6ba95 content=ad245bc944c4fe49
"""CodegenConfig: CodeGen decoder (multi-head attention, head_dim = n_embd / n_head)."""

from __future__ import annotations

from typing import ClassVar

from generated.gptj import GptjConfig


class CodegenConfig(GptjConfig, kw_only=True, dict=True):
    """CodeGen decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("codegen",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CodeGenForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/codegen.yaml"
