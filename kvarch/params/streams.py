"""Qwen4-Exp's text tower (Qwen3.8-Flash-Next): a Qwen3.5-style hybrid whose residual stream is
``hc_count`` copies wide (hyper-connections) and whose ``ple_layer_ids`` layers add hashed
n-gram embeddings (PLE), as transformers' ``modeling_qwen4_exp`` builds them."""

from __future__ import annotations

import math

from kvarch.params.core import Cfg, ParamCount, embeddings, formula, gqa, routed_experts
from kvarch.params.hybrids import _gated_deltanet


@formula("qwen4_exp_text")
def _qwen4_exp_text(c: Cfg, n: ParamCount) -> None:
    """Gated DeltaNet layers, gated attention with q/k norms and a QSA indexer on the
    ``indexed_attention`` layers, a shared-expert MoE on every layer; no pre-norms and no final
    norm (the hyper-connections normalize their streams instead)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    every = c.int("full_attention_interval", default=4)
    types = c.get("layer_types")
    attention = (
        sum(t != "linear_attention" for t in types)
        if isinstance(types, list)
        else sum((i + 1) % every == 0 for i in range(layers))
    )
    embeddings(c, n, hidden)
    gqa(c, n, attention, hidden, gated_q=True)
    n.other += attention * 2 * c.int("head_dim", default=256)  # q_norm, k_norm
    _qsa_indexer(c, n, attention, hidden)
    _gated_deltanet(c, n, layers - attention, hidden)
    experts = c.int("num_experts", default=512)
    moe_inter = c.int("moe_intermediate_size", default=512)
    shared = c.int("shared_expert_intermediate_size", default=512)
    routed_experts(n, hidden, layers, experts, moe_inter, shared)
    n.add(1, hidden, "router", layers)  # shared_expert_gate
    hyper_connections(c, n, hidden, layers)
    ngram_embeddings(c, n, hidden)


def _qsa_indexer(c: Cfg, n: ParamCount, layers: int, hidden: int) -> None:
    """The QSA indexer of ``layers`` attention layers: one projection to its query heads and key
    head, then a norm over each (none without the ``indexer_*`` fields)."""
    dim = c.int("indexer_head_dim")
    heads = c.int("indexer_n_heads") + c.int("indexer_kv_heads")
    n.add(heads * dim, hidden, "attn", layers)
    n.other += layers * 2 * dim


def hyper_connections(c: Cfg, n: ParamCount, hidden: int, layers: int) -> None:
    """Two gated residuals a layer (before the mixer and before the MLP) and one final mixer:
    a grouped norm over the ``hc_count`` streams, a rank-``hc_lowrank`` input mix (down, up),
    and, in the layers' ones, a per-stream injection weight. Small gating projections, kept
    unquantized like a router."""
    streams = c.int("hc_count", default=4) * hidden
    rank = c.int("hc_lowrank", default=320)
    mixers = 2 * layers + 1
    n.add(rank, streams, "router", mixers)  # input_mix_weight_down
    n.add(streams, rank, "router", mixers)  # input_mix_weight_up
    n.add(c.int("hc_count", default=4), streams, "router", 2 * layers)  # block_inject_weight
    n.other += mixers * streams  # hc_norm


def ngram_embeddings(c: Cfg, n: ParamCount, hidden: int) -> None:
    """Each PLE layer: an n-gram table of one prime-sized block of rows per hash head (its
    ``ple_embed_dim / heads`` columns; the blocks continue the primes from
    ``ngram_vocab_size_base`` across layers, and the total is padded to
    ``make_ngram_vocab_size_divisible_by``), key and value projections, three grouped norms
    and a depthwise convolution over the streams."""
    ple_layers = len(set(c.get("ple_layer_ids") or ()))
    if not ple_layers:
        return
    streams = c.int("hc_count", default=4) * hidden
    embed = c.int("ple_embed_dim", default=hidden)
    heads = (c.int("ngram_size", default=3) - 1) * c.int("heads_per_ngram", default=8)
    divisor = c.int("make_ngram_vocab_size_divisible_by", default=128)
    sizes = _primes_from(c.int("ngram_vocab_size_base", default=20_000_000), ple_layers * heads)
    for k in range(ple_layers):
        rows = sum(sizes[k * heads : (k + 1) * heads])
        n.add(math.ceil(rows / divisor) * divisor, embed // heads, "embed")
    n.add(streams, embed, "mlp", ple_layers)  # key_proj
    n.add(hidden, embed, "mlp", ple_layers)  # value_proj
    n.other += ple_layers * streams * (3 + c.int("ple_conv_kernel_size", default=4))


def _primes_from(base: int, count: int) -> list[int]:
    """The first ``count`` primes at or above ``base`` (the hash heads' table sizes)."""
    primes: list[int] = []
    candidate = base
    while len(primes) < count:
        if candidate > 1 and all(candidate % d for d in range(2, math.isqrt(candidate) + 1)):
            primes.append(candidate)
        candidate += 1
    return primes
