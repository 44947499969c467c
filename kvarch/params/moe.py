"""Mixture-of-experts decoders that schedule their layers per layer: Hy3 (dense or sparse MLP
per layer), Laguna (query heads, gate and MLP kind per layer) and Flint (dense MLPs on listed
layers)."""

from __future__ import annotations

from collections import Counter

from kvarch.params.core import Cfg, ParamCount, embeddings, formula, gated_mlp, gqa, routed_experts


@formula("hy_v3")
def _hy_v3(c: Cfg, n: ParamCount) -> None:
    """Hy3: q/k-normed GQA on every layer, dense MLPs where ``mlp_layer_types`` says (the first
    layer by default), routed experts with ``num_shared_experts`` x ``moe_intermediate_size``
    of shared MLP elsewhere; the router's score-correction bias is a buffer, not counted."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    mlps = c.get("mlp_layer_types") or ["dense"] * min(layers, 1) + ["sparse"] * (layers - 1)
    moe, moe_inter = mlps.count("sparse"), c.int("moe_intermediate_size", default=1536)
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    shared = moe_inter * c.int("num_shared_experts", default=1)
    routed_experts(n, hidden, moe, c.int("num_experts", default=192), moe_inter, shared)
    n.other += (2 * layers + 1) * hidden
    if c.int("num_nextn_predict_layers"):
        n.notes.append("multi-token-prediction layers not counted (not loaded for serving)")


@formula("laguna")
def _laguna(c: Cfg, n: ParamCount) -> None:
    """Laguna: GQA with its query heads per layer (``num_attention_heads_per_layer``), q/k
    norms and a softplus output gate per head (per channel unless ``gating`` is true or
    ``"per-head"``); dense MLPs where ``mlp_layer_types`` says (the first layer by default),
    else routed experts with a score-correction bias (a parameter here) and a shared MLP."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    kv, hd = c.int("num_key_value_heads", default=8), c.int("head_dim", default=128)
    per_layer = c.get("num_attention_heads_per_layer") or [c.int("num_attention_heads")] * layers
    gating = c.get("gating", True)
    per_head = gating is True or gating == "per-head"
    embeddings(c, n, hidden)
    for heads, count in sorted(Counter(per_layer).items()):
        n.add(heads * hd, hidden, "attn", count)
        n.add(kv * hd, hidden, "attn", 2 * count)
        n.add(hidden, heads * hd, "attn", count)
        n.add(heads if per_head else heads * hd, hidden, "attn", count)  # g_proj
        bias = c.flag("attention_bias", False) * ((heads + 2 * kv) * hd + hidden)
        n.other += count * (bias + 2 * hd)  # biases, q_norm, k_norm
    mlps = c.get("mlp_layer_types") or ["dense"] * min(layers, 1) + ["sparse"] * (layers - 1)
    moe, experts = mlps.count("sparse"), c.int("num_experts", default=256)
    gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    moe_inter = c.int("moe_intermediate_size", default=512)
    shared = c.int("shared_expert_intermediate_size", default=512)
    routed_experts(n, hidden, moe, experts, moe_inter, shared)
    n.other += moe * experts + (2 * layers + 1) * hidden


@formula("flint")
def _flint(c: Cfg, n: ParamCount) -> None:
    """Flint: GQA with q/k norms and attention sinks on every layer, dense MLPs on
    ``mlp_only_layers``, routed experts and an ungated shared expert on every
    ``decoder_sparse_step``-th other layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    heads, experts = c.int("num_attention_heads"), c.int("num_experts")
    dense_only, step = set(c.get("mlp_only_layers") or ()), c.int("decoder_sparse_step", default=1)
    moe = sum(i not in dense_only and experts > 0 and (i + 1) % step == 0 for i in range(layers))
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    n.other += layers * (2 * c.int("head_dim", default=hidden // heads) + heads)  # norms, sinks
    gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    shared = c.int("shared_expert_intermediate_size")
    routed_experts(n, hidden, moe, experts, c.int("moe_intermediate_size"), shared)
    n.other += (2 * layers + 1) * hidden
