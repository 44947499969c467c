# generated from schemas/mpt.yaml by `make generate`; do not edit.
# kvarch-digest: render=05f6cd9fc525d608 content=0034317e8f51502d
from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class MptConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """MPT decoder (multi-head attention, ALiBi; attn_config.kv_n_heads when present)."""

    SCHEMA: ClassVar[str] = "schemas/mpt.yaml"

    num_hidden_layers: Annotated[int, rt.hf("n_layers", "num_hidden_layers", ge=1)]
    num_attention_heads: Annotated[int, rt.hf("n_heads", "num_attention_heads", ge=1)]
    hidden_size: Annotated[int, rt.hf("d_model", "hidden_size", ge=1)]
    max_position_embeddings: Annotated[
        int, rt.hf("max_seq_len", "max_position_embeddings", ge=1)
    ] = 2048
    """Longest sequence (max_seq_len)."""
    num_kv_heads: Annotated[int, rt.hf("attn_config.kv_n_heads", ge=1)] | None = None
    """KV heads of a grouped-query MPT (llm-foundry); null means one per query head."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield "num_kv_heads", "a divisor of n_heads", self.num_attention_heads % self.kv_heads == 0

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    _num_kv_heads = rt.from_derived("kv_heads", "num_kv_heads", "num_attention_heads")
