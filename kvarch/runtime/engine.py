"""``Engine``: offline continuous-batching generation over kvarch's paged KV cache.

    engine = Engine(model, max_batch_size=64)
    outs = engine.generate([[1, 2, 3], [4, 5]], SamplingParams(max_tokens=32))
    outs[0].token_ids, outs[0].finish_reason, engine.stats

The model is any transformers causal LM whose layers kvarch pages (full, sliding, chunked or
MLA attention), with or without recurrent state kvarch holds (hybrids: one state row per
request, whole-prompt prefill, one sequence per batch row; see ``runner``). Its geometry comes
from the generated configs, the pool size from the planner (or ``num_blocks``), and its
attention is switched to kvarch's paged attention. Each step the ``Scheduler`` picks requests
and pages, the ``ModelRunner`` runs one packed forward (a CUDA graph for decode steps on CUDA),
and one token is sampled per request that reached its end. ``kv_cache_dtype="fp8"`` stores the
pages as e4m3 (half the bytes: twice the tokens in the same memory; decode reads them with the
fp8 kernels). Models whose attention cannot read
the pages (a position bias, an indexer's top-k on per-head K/V, attention outside
transformers' ``AttentionInterface``) and models with compressed layers (deepseek_v4, whose
compressor pools windows of a row's tokens; their entries per row in ``CompressedStore``) run
each sequence of a step as its own forward over K/V gathered from the pages (``solo``);
``adapt`` decides which (``Adapted.engine_serving``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import msgspec
import torch

from kvarch.device import DeviceRef
from kvarch.kv_cache import MultiKVCacheParams
from kvarch.runtime.adapt import adapt
from kvarch.runtime.encdec import encoder_salt
from kvarch.runtime.errors import CollectiveError, RankMismatchError, RequestError
from kvarch.runtime.hf import KVCacheDtype, arch_for_model
from kvarch.runtime.hf_compressed import attach as attach_compressed
from kvarch.runtime.hf_layers import text_config
from kvarch.runtime.own_caches import paged_cache_class
from kvarch.runtime.planner import CachePlan
from kvarch.runtime.runner import ModelRunner
from kvarch.runtime.sampling import SamplingParams, sample
from kvarch.runtime.scheduler import Request, ScheduledStep, Scheduler
from kvarch.runtime.sizing import PoolSizing, size_pool

__all__ = ["Engine", "EngineStats", "RequestOutput", "SamplingParams", "TokenEvent"]


class RequestOutput(msgspec.Struct, kw_only=True):
    """What one request produced."""

    request_id: int
    """Position of the request in the ``generate`` call."""
    prompt_token_ids: list[int]
    token_ids: list[int]
    """New tokens only."""
    text: str | None = None
    """``token_ids`` decoded, when the engine has a tokenizer."""
    finish_reason: str | None = None
    """``length`` (max_tokens or max_seq_len), ``stop`` (a stop or EOS token), ``error`` or
    ``abort``."""
    error: str | None = None
    """Why the request could not run (``finish_reason == 'error'``)."""


class TokenEvent(msgspec.Struct, frozen=True):
    """What one step did for one request (``Engine.step``)."""

    request_id: int
    token: int | None
    """The new token (None when the request ended without one: error, refusal)."""
    finish_reason: str | None
    """Set on the request's last event: ``length``, ``stop``, ``error``."""


class EngineStats(msgspec.Struct, kw_only=True):
    """Counters since the engine started (or ``reset_stats``)."""

    steps: int = 0
    decode_steps: int = 0
    """Steps that only decoded (one token per request)."""
    prompt_tokens: int = 0
    """Prompt tokens of requests served to the end (``length`` or ``stop``)."""
    generated_tokens: int = 0
    prefix_hit_tokens: int = 0
    """Prompt tokens read from the prefix cache instead of computed."""
    computed_tokens: int = 0
    """Tokens run through the model (prefill, recompute and decode)."""
    preemptions: int = 0
    prefill_seconds: float = 0.0
    """Wall time of steps that computed prompt tokens."""
    decode_seconds: float = 0.0
    """Wall time of decode-only steps."""
    cuda_graphs: bool = False
    """Decode steps replay CUDA graphs."""
    failed_steps: int = 0
    """Steps whose forward or sampling raised (their requests were retried or failed)."""


class Engine:
    """Continuous batching over a paged KV cache (see the module docstring)."""

    def __init__(
        self,
        model: Any,
        *,
        max_batch_size: int = 256,
        max_seq_len: int | None = None,
        page_size: int = 16,
        num_blocks: int | Sequence[int] | None = None,
        device_memory_utilization: float = 0.9,
        enable_prefix_caching: bool = True,
        max_num_batched_tokens: int = 16384,
        cuda_graphs: bool = True,
        tokenizer: Any = None,
        kv_cache_dtype: KVCacheDtype = None,
    ) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.encoder_decoder = bool(getattr(model.config, "is_encoder_decoder", False))
        """Requests carry encoder input; cross-attention K/V is kept per request."""
        arch = arch_for_model(
            model,
            page_size=page_size,
            devices=self._cache_devices(model),
            kv_cache_dtype=kv_cache_dtype,
        )
        adapted = adapt(model, arch)
        text = text_config(model)
        model_type = adapted.model_type
        dense, solo = adapted.engine_serving(model)
        device = next(model.parameters()).device
        limit = arch.model_max_seq_len
        length = min(max_seq_len or limit, limit)
        stores = adapted.stores(model, max_batch_size, length)
        # prompts prefilled whole, never read from the prefix cache: a state cannot restart
        # mid-prompt, and a solo forward is then what ``generate`` of the request alone runs
        whole = stores.state is not None or solo
        if whole:
            enable_prefix_caching = False
        self.cross_bytes_per_sequence = adapted.cross_bytes
        """Encoder–decoder models: cross-attention K/V of one request at the longest encoder
        input (kept outside the pages; the pool's budget leaves a full batch of it free)."""
        params = cast(MultiKVCacheParams, adapted.params)  # a schema's layout: groups
        self.plan = self._plan(
            PoolSizing(
                text=text,
                params=params,
                num_blocks=num_blocks,
                max_seq_len=length,
                model_max_seq_len=limit,
                max_batch_size=max_batch_size,
                device_memory_utilization=device_memory_utilization,
                max_num_batched_tokens=max_num_batched_tokens,
                device=device,
                state_bytes_per_sequence=stores.state_bytes_per_sequence,
                cross_bytes_per_sequence=self.cross_bytes_per_sequence,
                compressed=stores.compressed_budget,
            )
        )
        self.cache = paged_cache_class(model_type)(
            adapted.params,
            num_layers=adapted.num_layers,
            max_batch_size=max_batch_size,
            max_seq_len=self.plan.max_seq_len,
            num_blocks=self.plan.blocks_per_group,
            device=device,
            plan=self.plan,
            paged_attention=not solo,
            enable_prefix_caching=enable_prefix_caching,
            encoder_decoder=self.encoder_decoder,
            state=stores.state,
            indexed=adapted.indexed,
            delegated=dict(adapted.delegated),
        )
        self.cache.engine_owned = True
        self.cache.dense_packed = dense
        self.cache.keeps_dense = adapted.keeps_dense
        if stores.compressed is not None:  # compressed layers: their caches per manager row
            attach_compressed(self.cache, stores.compressed)
        self.scheduler = Scheduler(
            self.cache.manager,
            max_batch_size=max_batch_size,
            max_num_batched_tokens=max_num_batched_tokens,
            prefix_caching=enable_prefix_caching,
            whole_prompts=whole,
        )
        self.runner = ModelRunner(
            model,
            self.cache,
            max_batch_size=max_batch_size,
            max_num_batched_tokens=max_num_batched_tokens,
            cuda_graphs=cuda_graphs,
        )
        self._live: dict[int, tuple[Request, torch.Generator | None]] = {}
        """Requests queued or running: id -> (request, its sampling generator)."""
        self._next_id = 0
        self.eos = self._eos_ids(model)
        self.vocab_size = self._vocab_size(model, text)
        """Prompt token ids must lie in ``[0, vocab_size)`` (the input embedding's rows)."""
        self.max_seq_len = self.plan.max_seq_len
        self.stats = EngineStats(cuda_graphs=self.runner.use_graphs)
        if device.type == "cuda" and not self.encoder_decoder:
            self._warm_up(max_num_batched_tokens)
        self.runner.capture_all()

    def _warm_up(self, budget: int) -> None:
        """Compile the kernels for full-budget prefill steps before the first request."""
        length = max(2, min(budget // 2, self.max_seq_len - 2))
        prompts = [[0] * length, [1] * length]
        self.generate(prompts, SamplingParams(max_tokens=2, ignore_eos=True), use_tqdm=False)
        self.reset_stats()

    @classmethod
    def from_pretrained(
        cls,
        path: str | Path,
        *,
        dtype: torch.dtype | None = None,
        device: str | torch.device | None = None,
        random_weights: bool = False,
        **kwargs: Any,
    ) -> Engine:
        """An engine for a local checkpoint folder, or a ``config.json`` (random weights).
        Encoder–decoder configs (whisper, bart, ...) build the sequence-to-sequence model."""
        from transformers import AutoConfig, AutoTokenizer

        where = Path(path)
        folder = where if where.is_dir() else where.parent
        config = AutoConfig.from_pretrained(str(where))
        target = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
        if dtype is None:
            dtype = torch.bfloat16 if target.type == "cuda" else torch.float32
        has_weights = any(folder.glob("*.safetensors")) or any(folder.glob("*.bin"))
        auto = _auto_class(config)
        if random_weights or not where.is_dir() or not has_weights:
            with target:
                model = auto.from_config(config, dtype=dtype)
        else:
            model = auto.from_pretrained(str(folder), dtype=dtype).to(target)
        tokenizer = None
        if any(folder.glob("tokenizer*")):
            tokenizer = AutoTokenizer.from_pretrained(str(folder))
        return cls(model, tokenizer=tokenizer, **kwargs)

    def _plan(self, sizing: PoolSizing) -> CachePlan:
        """The pool's plan; ``TPEngine`` lowers it to the smallest over its ranks."""
        return size_pool(sizing)

    @staticmethod
    def _vocab_size(model: Any, text: Any) -> int:
        embed = model.get_input_embeddings() if hasattr(model, "get_input_embeddings") else None
        rows = getattr(embed, "num_embeddings", None)
        return int(rows if rows is not None else text.vocab_size)

    @staticmethod
    def _eos_ids(model: Any) -> frozenset[int]:
        found: set[int] = set()
        for source in (getattr(model, "generation_config", None), text_config(model)):
            eos = getattr(source, "eos_token_id", None)
            if isinstance(eos, int):
                found.add(eos)
            elif isinstance(eos, (list, tuple)):
                found.update(int(e) for e in eos)
        return frozenset(found)

    # --- requests ------------------------------------------------------------------------
    def _request(
        self, index: int, prompt: Sequence[int] | str, p: SamplingParams, encoder_input: Any = None
    ) -> Request:
        """A checked request (nothing is queued)."""
        if isinstance(prompt, str):
            if self.tokenizer is None:
                raise RequestError(index, "text needs a tokenizer; pass token ids")
            ids = list(self.tokenizer.encode(prompt))
        else:
            ids = [int(t) for t in prompt]
        self._check_ids(index, ids, "")
        if self.encoder_decoder != (encoder_input is not None):
            raise RequestError(
                index,
                "an encoder-decoder model needs encoder input (token ids for its encoder, or "
                "input_features)" if self.encoder_decoder else "encoder input given to a "
                "decoder-only model",
            )  # fmt: skip
        if encoder_input is not None and not isinstance(encoder_input, torch.Tensor):
            encoder_input = [int(t) for t in encoder_input]
            self._check_ids(index, encoder_input, "encoder input ")
        stops = frozenset(p.stop_token_ids) | (frozenset() if p.ignore_eos else self.eos)
        salt = None if encoder_input is None else encoder_salt(encoder_input, p.cache_salt)
        return Request(index=index, tokens=ids, num_prompt=len(ids), max_tokens=p.max_tokens,
                       stop_token_ids=stops, sampling=p, encoder_input=encoder_input,
                       prefix_salt=salt)  # fmt: skip

    def _check_ids(self, index: int, ids: list[int], what: str) -> None:
        """Raise ``RequestError`` for no ids or an id outside the vocabulary."""
        if not ids:
            raise RequestError(index, f"{what}empty; expected at least one token")
        if min(ids) < 0 or max(ids) >= self.vocab_size:  # C-speed scan; find the culprit after
            bad = next(at for at, t in enumerate(ids) if not 0 <= t < self.vocab_size)
            raise RequestError(
                index,
                f"{what}token id {ids[bad]} at position {bad} is outside the vocabulary "
                f"[0, {self.vocab_size})",
            )

    # --- online API: add requests, step, abort -------------------------------------------
    def add_request(
        self,
        prompt: Sequence[int] | str,
        params: SamplingParams | None = None,
        *,
        encoder_input: Sequence[int] | torch.Tensor | None = None,
    ) -> int:
        """Queue one request; its id (``step`` reports its tokens under it). Encoder–decoder
        models: ``prompt`` is the decoder's (e.g. its start token) and ``encoder_input`` what
        the encoder reads (token ids, or Whisper's ``[n_mels, frames]`` input_features)."""
        p = params or SamplingParams()
        return self._add([self._request(self._next_id, prompt, p, encoder_input)])[0]

    def _add(self, requests: list[Request]) -> list[int]:
        ids = []
        for req in requests:
            req.index = self._next_id
            self._next_id += 1
            p = req.sampling
            gen = (
                torch.Generator(self.runner.device).manual_seed(p.seed)
                if p.seed is not None
                else None
            )
            self._live[req.index] = (req, gen)
            self.scheduler.add(req)
            ids.append(req.index)
        return ids

    @property
    def has_unfinished_requests(self) -> bool:
        return bool(self._live)

    def abort(self, request_id: int) -> bool:
        """Cancel a live request (its pages go back to the pool); False if it is not live."""
        live = self._live.pop(request_id, None)
        if live is None:
            return False
        req = live[0]
        self.scheduler.abort(req)
        self._free_cross(req)
        req.finish_reason = "abort"
        return True

    def _free_cross(self, req: Request) -> None:
        """Release a request's cross-attention K/V (encoder–decoder models)."""
        if self.cache.cross is not None:
            self.cache.cross.store.free(req.index)

    def output(self, request_id: int) -> RequestOutput | None:
        """A live request's output so far (None once it finished and was reported)."""
        live = self._live.get(request_id)
        return None if live is None else self._output(live[0])

    def step(self) -> list[TokenEvent]:
        """Run one scheduled step: a token (or a finish) for each request it served."""
        stats, scheduler = self.stats, self.scheduler
        t0 = time.perf_counter()
        step = scheduler.schedule()
        events = [self._finished(req, None) for req in scheduler.refused]
        scheduler.refused.clear()
        if step is None:
            return events
        picked = [r for r, s in zip(step.requests, step.samples, strict=True) if s]
        try:
            logits = self.runner.run(step)
            if len(picked) != len(step.requests):
                logits = logits[[i for i, s in enumerate(step.samples) if s]]
            tokens = self._sample(step, picked, logits)
        except (CollectiveError, RankMismatchError):
            raise  # the tensor-parallel group is broken: no request's fault, none can retry
        except Exception as exc:  # a fault inside the step: the others go on
            failed = scheduler.fail(step, f"{type(exc).__name__}: {exc}")
            stats.failed_steps += 1
            return events + [self._finished(req, None) for req in failed]
        elapsed = time.perf_counter() - t0
        stats.cuda_graphs = self.runner.use_graphs
        stats.steps += 1
        stats.computed_tokens += step.num_tokens
        stats.preemptions = scheduler.preemptions
        if step.decode:
            stats.decode_steps += 1
            stats.decode_seconds += elapsed
        else:
            stats.prefill_seconds += elapsed
        for req, token in zip(picked, tokens, strict=True):
            req.tokens.append(token)
            req.failures = 0
            stats.generated_tokens += 1
            if token in req.stop_token_ids:
                req.finish_reason = "stop"
            elif req.num_output >= req.max_tokens or req.length >= self.max_seq_len:
                req.finish_reason = "length"
            if req.finished:
                scheduler.finish(req)
                events.append(self._finished(req, token))
            else:
                events.append(TokenEvent(req.index, token, None))
        return events

    def _sample(
        self, step: ScheduledStep, picked: list[Request], logits: torch.Tensor
    ) -> list[int]:
        """One token per request of ``picked`` (the step's rows of ``logits``)."""
        gens = [self._live[r.index][1] for r in picked]
        return sample(logits, [r.sampling for r in picked], gens)

    def _cache_devices(self, model: Any) -> list[DeviceRef] | None:
        """The cache's devices (None: the model's one device; a tensor-parallel engine lists its
        group, so each rank's pages hold its share of the KV heads)."""
        return None

    def _finished(self, req: Request, token: int | None) -> TokenEvent:
        """Book a finished request out of the live set."""
        self._live.pop(req.index, None)
        self._free_cross(req)
        if req.finish_reason in ("length", "stop"):
            self.stats.prompt_tokens += req.num_prompt
            self.stats.prefix_hit_tokens += req.hit_tokens
        return TokenEvent(req.index, token, req.finish_reason)

    # --- offline API -----------------------------------------------------------------------
    def stream(
        self,
        prompts: Sequence[Sequence[int]] | Sequence[str],
        params: Any = None,
        *,
        encoder_inputs: Sequence[Any] | None = None,
    ) -> Iterator[tuple[int, int]]:
        """``(request index, token)`` as each token is generated."""
        for _, index, event in self._run(prompts, params, encoder_inputs, progress=False):
            if event.token is not None:
                yield index, event.token

    def generate(
        self,
        prompts: Sequence[Sequence[int]] | Sequence[str],
        params: SamplingParams | Sequence[SamplingParams] | None = None,
        *,
        encoder_inputs: Sequence[Any] | None = None,
        use_tqdm: bool | None = None,
    ) -> list[RequestOutput]:
        """Run every prompt to completion; outputs in submission order. Encoder–decoder
        models: ``encoder_inputs`` holds one encoder input per prompt (see ``add_request``)."""
        requests: list[Request] = []
        for reqs, _, _ in self._run(prompts, params, encoder_inputs, progress=use_tqdm):
            requests = reqs
        outs = [self._output(r) for r in requests]
        for i, out in enumerate(outs):
            out.request_id = i
        return outs

    def _output(self, req: Request) -> RequestOutput:
        text = None
        if self.tokenizer is not None:
            text = self.tokenizer.decode(req.output, skip_special_tokens=True)
        return RequestOutput(
            request_id=req.index,
            prompt_token_ids=req.prompt,
            token_ids=req.output,
            text=text,
            finish_reason=req.finish_reason,
            error=req.error,
        )

    def _run(
        self, prompts: Any, params: Any, encoder_inputs: Any, *, progress: bool | None
    ) -> Iterator[tuple[list[Request], int, TokenEvent]]:
        """Queue ``prompts`` and step until each finished: (requests, position, event)."""
        params = params or SamplingParams()
        if isinstance(params, SamplingParams):
            params = [params] * len(prompts)
        if len(params) != len(prompts):
            raise ValueError(f"params: got {len(params)}; expected one per prompt or one")
        encoder_inputs = [None] * len(prompts) if encoder_inputs is None else encoder_inputs
        if len(encoder_inputs) != len(prompts):
            raise ValueError(f"encoder_inputs: got {len(encoder_inputs)}; expected one per prompt")
        requests = [
            self._request(i, pr, p, e)
            for i, (pr, p, e) in enumerate(zip(prompts, params, encoder_inputs, strict=True))
        ]
        position = {rid: i for i, rid in enumerate(self._add(requests))}
        pending = set(position)
        bar = _progress(len(requests), progress)
        try:
            while pending:
                for event in self.step():
                    if event.request_id not in position:
                        continue  # another caller's request (online API)
                    yield requests, position[event.request_id], event
                    if event.finish_reason is not None:
                        pending.discard(event.request_id)
                        if bar is not None:
                            bar.update(1)
        finally:
            for rid in pending:  # an interrupted run leaves nothing behind
                self.abort(rid)
            if bar is not None:
                bar.close()

    def reset_stats(self) -> None:
        """Zero the counters."""
        self.scheduler.preemptions = 0
        self.stats = EngineStats(cuda_graphs=self.runner.use_graphs)


def _auto_class(config: Any) -> Any:
    """The transformers auto class that builds a generating model of ``config``: the causal
    LM, or for encoder–decoder configs the (speech) sequence-to-sequence model."""
    import transformers
    from transformers.models.auto import modeling_auto

    if not getattr(config, "is_encoder_decoder", False):
        return transformers.AutoModelForCausalLM
    if config.model_type in modeling_auto.MODEL_FOR_SPEECH_SEQ_2_SEQ_MAPPING_NAMES:
        return transformers.AutoModelForSpeechSeq2Seq
    return transformers.AutoModelForSeq2SeqLM


def _progress(total: int, wanted: bool | None) -> Any:
    """A tqdm bar on a terminal (``wanted`` None: only when stderr is a TTY and total > 1)."""
    if wanted is False or (wanted is None and (not sys.stderr.isatty() or total < 2)):
        return None
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped]
    except ImportError:
        return None
    return tqdm(total=total, desc="requests", unit="req")
