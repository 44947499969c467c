"""The engine's side of encoder–decoder models (whisper, bart, ...).

A request carries its encoder input (token ids for a text encoder, ``input_features`` for
Whisper). Before a step first serves it, ``EncoderDecoderSteps.encode`` runs the model's
encoder on it alone (no padding, so the cross K/V is sized by its own encoder length) and
then the model's decoder on one start token with a fresh cache: the decoder's own
cross-attention modules project the encoder states and write their K/V into the
``CrossStore`` under the request's id. Packed decoder steps then read it per sequence
(``attention.CrossRead``); the engine frees it when the request finishes or is aborted.

transformers' BART-style decoders derive positions from the cache length and their forward
takes no ``position_ids`` (also as causal LMs: ``BartForCausalLM``); a packed step holds
several sequences, so ``PackedPositions`` hands the decoder's ``embed_positions`` module each
token's own position through its ``position_ids`` argument.
"""

from __future__ import annotations

import hashlib
import inspect
import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import torch
from torch import Tensor
from transformers.cache_utils import DynamicCache
from transformers.modeling_outputs import BaseModelOutput

from kvarch.runtime.cross import PagedEncoderDecoderCache
from kvarch.runtime.errors import UnsupportedCacheError
from kvarch.runtime.hf import PagedCache, cache_keyword

__all__ = ["EncoderDecoderSteps", "PackedPositions", "encoder_salt", "encoder_tensor"]


def encoder_tensor(encoder_input: Sequence[int] | Tensor) -> Tensor:
    """A request's encoder input as one tensor without a batch dim (ids: int64)."""
    if isinstance(encoder_input, Tensor):
        return encoder_input
    return torch.tensor([int(t) for t in encoder_input], dtype=torch.int64)


def encoder_salt(encoder_input: Sequence[int] | Tensor, cache_salt: str | None) -> bytes:
    """A prefix-hash salt of the encoder input (and the request's ``cache_salt``): decoder
    K/V depends on the encoder's states, so only requests with equal inputs share blocks."""
    x = encoder_tensor(encoder_input).detach().to("cpu").contiguous()
    digest = hashlib.sha256(f"{x.dtype}{tuple(x.shape)}".encode())
    digest.update(x.reshape(-1).view(torch.uint8).numpy().tobytes())
    digest.update(b"\0" + (cache_salt or "").encode())
    return digest.digest()


class PackedPositions:
    """Gives a decoder's ``embed_positions`` module the packed tokens' own positions."""

    def __init__(self, decoder: Any, model_type: str) -> None:
        embed = getattr(decoder, "embed_positions", None)
        if embed is None:
            raise UnsupportedCacheError(
                model_type, "full", [], f"{type(decoder).__name__} has no embed_positions "
                "module to give packed sequences their positions"
            )  # fmt: skip
        self.positions: Tensor | None = None
        """Each packed token's position during a step (None: the module runs unchanged)."""
        embed.register_forward_pre_hook(self._own_positions, with_kwargs=True)

    @staticmethod
    def for_model(model: Any) -> PackedPositions | None:
        """The hook a packed forward of ``model`` needs: encoder–decoder models, and decoders
        whose forward takes no ``position_ids`` but embeds positions (None otherwise)."""
        encdec = bool(getattr(model.config, "is_encoder_decoder", False))
        if not encdec and "position_ids" in inspect.signature(model.forward).parameters:
            return None
        getter = getattr(model, "get_decoder", None)
        decoder = getter() if getter is not None else None
        if not encdec and getattr(decoder, "embed_positions", None) is None:
            return None  # no learned or sinusoidal positions to give (alibi, ...)
        return PackedPositions(decoder, str(model.config.model_type))

    def _own_positions(
        self, module: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> tuple[tuple[Any, ...], dict[str, Any]] | None:
        if self.positions is None:
            return None
        return args, {**kwargs, "position_ids": self.positions}

    @contextmanager
    def given(self, positions: Tensor) -> Iterator[None]:
        """``positions`` (``[1, tokens]`` or ``[tokens]``) for the forward inside."""
        self.positions = positions.reshape(-1)
        try:
            yield
        finally:
            self.positions = None


class EncoderDecoderSteps:
    """Runs the encoder of new requests and gives packed decoder steps their inputs."""

    def __init__(self, model: Any, cache: PagedCache) -> None:
        if cache.cross is None or cache.encoder_decoder is None:
            raise UnsupportedCacheError(
                str(model.config.model_type), "cross", [], "the cache keeps no cross K/V"
            )
        self.cross = cache.cross
        self.cache = cache.encoder_decoder
        self.encoder = model.get_encoder()
        self.decoder = model.get_decoder()
        self.input_name = str(model.main_input_name)
        self.start = int(getattr(model.config, "decoder_start_token_id", None) or 0)
        param = next(model.parameters())
        self.dtype, self.device = param.dtype, param.device
        width = int(getattr(model.config, "d_model", None) or model.config.hidden_size)
        self.stand_in = torch.zeros(1, 1, width, dtype=self.dtype, device=self.device)
        """Encoder states the decoder is given in packed steps: cross-attention reads the
        store, so only their presence matters."""

    def encode(self, requests: Sequence[Any]) -> None:
        """Cross K/V of every request that has none yet: requests whose encoder inputs have
        one shape share an encoder run (no padding: each entry is its own length)."""
        store = self.cross.store
        groups: dict[tuple[int, ...], list[tuple[int, Tensor]]] = {}
        for req in requests:
            if req.index not in store.seqs:
                x = encoder_tensor(req.encoder_input)
                groups.setdefault(tuple(x.shape), []).append((req.index, x))
        for group in groups.values():
            x = torch.stack([t for _, t in group]).to(self.device)
            if x.is_floating_point():
                x = x.to(self.dtype)
            states = self.encoder(**{self.input_name: x}).last_hidden_state
            self.cross.seq_ids = [index for index, _ in group]
            fresh = PagedEncoderDecoderCache(DynamicCache(), self.cross)
            start = torch.full((len(group), 1), self.start, device=self.device)
            self.decoder(
                input_ids=start, encoder_hidden_states=states, use_cache=True,
                **{cache_keyword(self.decoder): fresh},
            )  # fmt: skip

    def step_kwargs(self, requests: Sequence[Any], counts: Sequence[int]) -> dict[str, Any]:
        """The model's keyword arguments for a packed step: ``counts[s]`` tokens of
        ``requests[s]``."""
        self.cross.seq_ids = [r.index for r in requests]
        self.cross.starts = [0, *itertools.accumulate(counts)]
        self.cache.mark_updated(True)
        return {
            "encoder_outputs": BaseModelOutput(last_hidden_state=self.stand_in),
            "cache": self.cache,
        }
