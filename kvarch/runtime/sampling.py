"""Sampling parameters and the sampler: greedy, temperature, top-k, top-p, seeded.

Greedy rows take the argmax. Other rows sample with the exponential-race trick
(``argmax(p / E)``, ``E ~ Exp(1)``): a request with a ``seed`` draws its noise from its own
generator, so its tokens do not depend on which other requests share the batch.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec
import torch
from torch import Tensor

from kvarch.validate import check_int

__all__ = ["SamplingParams", "sample"]


class SamplingParams(msgspec.Struct, frozen=True, kw_only=True):
    """How one request's tokens are chosen and when it stops."""

    max_tokens: int = 16
    """New tokens at most."""
    temperature: float = 0.0
    """0 is greedy; higher flattens the distribution."""
    top_p: float = 1.0
    """Keep the smallest set of tokens whose probability reaches ``top_p``."""
    top_k: int = 0
    """Keep the ``top_k`` most likely tokens (0: all)."""
    seed: int | None = None
    """Seed of this request's own generator (reproducible whatever the batch)."""
    stop_token_ids: tuple[int, ...] = ()
    """Tokens that end the request (kept in the output)."""
    ignore_eos: bool = False
    """Keep generating past the model's end-of-sequence token."""
    cache_salt: str | None = None
    """Prefix-cache isolation: requests share cached blocks only with the same salt (tenant)."""

    def __post_init__(self) -> None:
        owner = "SamplingParams"
        check_int(owner, "max_tokens", self.max_tokens)
        check_int(owner, "top_k", self.top_k, minimum=0)
        if not self.temperature >= 0.0:
            raise ValueError(f"{owner}.temperature: got {self.temperature}; expected >= 0")
        if not 0.0 < self.top_p <= 1.0:
            raise ValueError(f"{owner}.top_p: got {self.top_p}; expected in (0, 1]")


def _filter(logits: Tensor, top_k: int, top_p: float) -> Tensor:
    """``logits`` of one row with tokens outside top-k / top-p set to -inf."""
    if top_k:
        kth = torch.topk(logits, min(top_k, logits.shape[-1])).values[-1]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if top_p < 1.0:
        ordered, order = logits.sort(descending=True)
        cum = ordered.softmax(-1).cumsum(-1)
        drop = cum - ordered.softmax(-1) >= top_p  # keep the token that crosses top_p
        logits = logits.scatter(0, order, ordered.masked_fill(drop, float("-inf")))
    return logits


def sample(
    logits: Tensor, params: Sequence[SamplingParams], generators: Sequence[torch.Generator | None]
) -> list[int]:
    """One token per row of ``logits`` ``[rows, vocab]``."""
    greedy = logits.argmax(dim=-1)
    if all(p.temperature == 0.0 for p in params):
        return [int(t) for t in greedy.tolist()]
    chosen = greedy.clone()
    for row, (p, gen) in enumerate(zip(params, generators, strict=True)):
        if p.temperature == 0.0:
            continue
        scores = _filter(logits[row].float() / p.temperature, p.top_k, p.top_p)
        probs = scores.softmax(-1)
        noise = torch.empty_like(probs).exponential_(1.0, generator=gen)
        chosen[row] = (probs / noise).argmax()
    return [int(t) for t in chosen.tolist()]
