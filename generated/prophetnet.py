# generated from schemas/prophetnet.yaml by `make generate`; do not edit.
# kvarch-digest: render=ca80d9971a68260e content=28e45e0d478aff71
from typing import Annotated, ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class ProphetNetConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """ProphetNet decoder (main-stream self-attention per token; cross-attention K/V of the
    encoder's states per sequence)."""

    SCHEMA: ClassVar[str] = "schemas/prophetnet.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_decoder_layers", ge=1)] = 12
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_decoder_attention_heads", ge=1)] = 16
    """Decoder attention heads, self and cross (each keeps its own K/V head)."""
    hidden_size: rt.Positive = 1024
    add_cross_attention: bool = True

    def _checks(self) -> rt.Checks:
        yield (
            "hidden_size",
            "a multiple of num_decoder_attention_heads",
            self.hidden_size % self.num_attention_heads == 0,
        )
