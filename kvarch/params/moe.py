"""Mixture-of-experts decoders that schedule their layers per layer: Hy3 (dense or sparse MLP
per layer), Laguna (query heads, gate and MLP kind per layer), Flint (dense MLPs on listed
layers), DeepSeek-V4 (sliding, CSA or HCA attention per layer), Inkling (sliding or global
attention, dense or sparse MLP per layer), Dots3Note (indexed, full or sliding per layer); and
Kolibri 1, ZAYA and Aria's text model (the same layer throughout, their own blocks)."""

from __future__ import annotations

from collections import Counter
from typing import Any

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


#: DeepSeek-V4's layer kinds, by ``layer_types`` entry and by legacy ``compress_ratios`` entry
_DSV4_KINDS: dict[str, dict[Any, str]] = {
    "layer_types": {
        "sliding_attention": "sliding",
        "compressed_sparse_attention": "csa",
        "heavily_compressed_attention": "hca",
    },
    "compress_ratios": {0: "sliding", 4: "csa", 128: "hca"},
}


def _deepseek_v4_kinds(c: Cfg, layers: int) -> list[str]:
    """Each layer's attention, as transformers resolves it: ``layer_types``, else the legacy
    ``compress_ratios`` (a trailing entry for the MTP layer is dropped), else two HCA layers,
    then HCA and CSA alternating."""
    for field, kinds in _DSV4_KINDS.items():
        if values := c.get(field):
            unknown = sorted({str(v) for v in values if v not in kinds})
            if unknown:
                raise ValueError(
                    f"deepseek_v4 {field}: expected entries of {list(kinds)}, got {unknown}"
                )
            return [kinds[v] for v in values[:layers]]
    return ["hca"] * min(layers, 2) + ["csa" if i % 2 else "hca" for i in range(layers - 2)]


@formula("deepseek_v4")
def _deepseek_v4(c: Cfg, n: ParamCount) -> None:
    """DeepSeek-V4: every layer a shared-K=V MQA block (query through a ``q_lora_rank``
    latent, a grouped low-rank output: ``o_groups`` blocks to ``o_lora_rank`` each, then one
    mix; a sink per head), routed experts with one shared expert (hash-routed layers have the
    same router weight), and ``hc_mult`` hyper-connection streams around attention and the MoE.
    CSA and HCA layers add a compressor (K/V and gate projections, a position bias per slot of
    its window, a norm); a CSA compressor overlaps two windows (twice the width) and runs an
    indexer (a compressor of its own at ``index_head_dim``, query heads from the query
    latent, a weight per head). The MTP layer is not built; routers' buffers are not counted."""
    hidden, layers, heads = (
        c.int(k) for k in ("hidden_size", "num_hidden_layers", "num_attention_heads")
    )
    hd, q_rank, streams = c.int("head_dim"), c.int("q_lora_rank"), c.int("hc_mult")
    groups, o_rank = c.int("o_groups"), c.int("o_lora_rank")
    idx_heads, idx_dim = c.int("index_n_heads"), c.int("index_head_dim")
    rates = {"csa": 4, "hca": 128} | {
        _DSV4_KINDS["layer_types"].get(t, t): r for t, r in (c.get("compress_rates") or {}).items()
    }
    rates["csa"] = c.int("compress_rate_csa", default=rates["csa"])
    rates["hca"] = c.int("compress_rate_hca", default=rates["hca"])
    kinds = Counter(_deepseek_v4_kinds(c, layers))
    embeddings(c, n, hidden)
    n.add(q_rank, hidden, "attn", layers)
    n.add(heads * hd, q_rank, "attn", layers)
    n.add(hd, hidden, "attn", layers)  # kv_proj: one head, read as K and as V
    n.add(groups * o_rank, heads * hd // groups, "attn", layers)  # o_a: one block per group
    n.add(hidden, groups * o_rank, "attn", layers)
    n.other += layers * (q_rank + hd + heads)  # q_a_norm, kv_norm, sinks
    for kind, width, dim in (("hca", hd, hd), ("csa", 2 * hd, hd), ("csa", 2 * idx_dim, idx_dim)):
        n.add(width, hidden, "attn", 2 * kinds[kind])  # kv_proj, gate_proj
        n.other += kinds[kind] * (rates[kind] * width + dim)  # position_bias, kv_norm
    n.add(idx_heads * idx_dim, q_rank, "attn", kinds["csa"])  # indexer queries
    n.add(idx_heads, hidden, "attn", kinds["csa"])  # indexer weights per head
    moe_inter = c.int("moe_intermediate_size")
    shared = moe_inter * c.int("n_shared_experts")
    routed_experts(n, hidden, layers, c.int("n_routed_experts"), moe_inter, shared)
    mix = (2 + streams) * streams  # pre, post and the streams x streams comb
    n.other += layers * (2 * hidden + 2 * (mix * streams * hidden + mix + 3))
    n.other += hidden + streams * streams * hidden + streams + 1  # norm, the head's collapse


def _dots3_widths(c: Cfg, layer: int, sliding: bool) -> dict[str, int]:
    """A Dots3Note layer's attention widths: the model's for indexed/full layers; a sliding
    layer's from ``per_layer_config`` (saved configs) or the release's ``swa_*`` keys, with
    transformers' defaults."""
    if not sliding:
        keys = ("num_attention_heads", "q_lora_rank", "kv_lora_rank", "qk_nope_head_dim")
        dims = {k: c.int(k, default=d) for k, d in zip(keys, (128, 1024, 512, 128), strict=True)}
        return dims | {"qk_rope_head_dim": c.int("qk_rope_head_dim", default=64),
                       "v_head_dim": c.int("v_head_dim", default=128)}  # fmt: skip
    saved = (c.get("per_layer_config") or {}).get(str(layer)) or {}
    swa = {"num_attention_heads": 64, "q_lora_rank": 1024, "kv_lora_rank": 1024,
           "head_dim": 256, "qk_nope_head_dim": 192, "v_head_dim": 128}  # fmt: skip
    dims = {k: int(saved.get(k) or c.int(f"swa_{k}", default=d)) for k, d in swa.items()}
    rope = saved.get("qk_rope_head_dim") or c.int("swa_qk_rope_head_dim")
    return dims | {"qk_rope_head_dim": int(rope or dims["head_dim"] - dims["qk_nope_head_dim"])}


@formula("dots3_note_text")
def _dots3_note_text(c: Cfg, n: ParamCount) -> None:
    """dots3-note: MLA on every layer with a headwise output gate and a norm on the rotary key;
    sliding layers have their own widths (``swa_*``), indexed layers a DSA indexer; dense MLPs
    on the first ``first_k_dense_replace`` layers, routed + shared experts after (the router's
    score-correction bias is a buffer, not counted)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers", default=46)
    kinds = c.get("layer_types") or [
        "full_attention" if not c.flag("use_sliding_window", True) or i < 2 or i % 4 == 1
        else "sliding_attention"
        for i in range(layers)
    ]  # fmt: skip
    dsa = c.get("use_dsa", c.get("per_layer_config") is None)
    bias = c.flag("attention_bias", False)
    for i, kind in enumerate(kinds):
        w = _dots3_widths(c, i, kind == "sliding_attention")
        heads, q_rank, kv_rank = w["num_attention_heads"], w["q_lora_rank"], w["kv_lora_rank"]
        nope, rope, v_dim = w["qk_nope_head_dim"], w["qk_rope_head_dim"], w["v_head_dim"]
        n.add(q_rank, hidden, "attn")
        n.add(heads * (nope + rope), q_rank, "attn")
        n.add(kv_rank + rope, hidden, "attn")
        n.add(heads * (nope + v_dim), kv_rank, "attn")
        n.add(hidden, heads * v_dim, "attn")
        n.add(heads, hidden, "attn")  # headwise gate
        n.other += q_rank + kv_rank + rope + bias * (q_rank + kv_rank + rope + hidden)
        if kind in ("indexed_attention", "deepseek_sparse_attention") or (
            kind == "full_attention" and dsa
        ):
            idx_heads = c.int("index_n_heads", default=64)
            idx_dim = c.int("index_head_dim", default=128)
            n.add(idx_heads * idx_dim, q_rank, "attn")
            n.add(idx_dim, hidden, "attn")
            n.add(idx_heads, hidden, "attn")
            n.other += 2 * idx_dim  # the key LayerNorm's weight and bias
    mlps = c.get("mlp_layer_types") or [
        "sparse" if i >= c.int("first_k_dense_replace", default=1) else "dense"
        for i in range(layers)
    ]
    moe, moe_inter = mlps.count("sparse"), c.int("moe_intermediate_size", default=1536)
    shared = c.int("shared_experts_intermediate_size", "moe_shared_expert_intermediate_size",
                   default=1536) * c.int("n_shared_experts", default=1)  # fmt: skip
    embeddings(c, n, hidden)
    gated_mlp(n, hidden, c.int("intermediate_size", default=13824), layers - moe)
    routed_experts(n, hidden, moe, c.int("n_routed_experts", default=256), moe_inter, shared)
    n.other += (2 * layers + 1) * hidden


@formula("kolibri1")
def _kolibri1(c: Cfg, n: ParamCount) -> None:
    """Kolibri 1: q/k-normed GQA, routed experts and a shared MLP on every layer, four norms a
    layer (sandwich norms around attention and the MoE); the router's score-correction bias is
    a buffer, not counted. Defaults: ``Kolibri1Config``'s (Aleph-Alpha/Kolibri-1)."""
    hidden, layers = c.int("hidden_size", default=2560), c.int("num_hidden_layers", default=50)
    heads = c.int("num_attention_heads", default=48)
    kv, hd = c.int("num_key_value_heads", default=4), c.int("head_dim", default=128)
    n.add(c.int("vocab_size", default=128000), hidden, "embed")
    if not c.tied:
        n.add(c.int("vocab_size", default=128000), hidden, "head")
    n.add(heads * hd, hidden, "attn", layers)
    n.add(kv * hd, hidden, "attn", 2 * layers)
    n.add(hidden, heads * hd, "attn", layers)
    experts = c.int("num_experts", "num_local_experts", default=384)
    shared = c.int("shared_expert_intermediate_size", default=512)
    routed_experts(n, hidden, layers, experts, c.int("moe_intermediate_size", default=512), shared)
    n.other += layers * (2 * hd + 4 * hidden) + hidden  # q/k norms, 4 norms a layer; final


@formula("zaya")
def _zaya(c: Cfg, n: ParamCount) -> None:
    """ZAYA: every layer CCA attention then a MoE. CCA: q and k projections, a value half from
    the current and one from the previous token, a depthwise (``cca_time0``) and a grouped
    (``cca_time1``, one group per q and KV head) convolution over the q/k stream with biases, a
    key temperature per KV head. The router: a biased projection to ``router_hidden_size``, a
    norm, two biased square layers and an output over the experts plus one skip; layers after
    the first scale the previous router's states. Four residual affines (scale and bias of the
    branch and of the residual) around each sublayer, two norms a layer, an input affine; the
    router's balancing biases are buffers. Defaults: ``ZayaConfig``'s (Zyphra/ZAYA1-8B)."""
    hidden, layers = c.int("hidden_size", default=2048), c.int("num_hidden_layers", default=40)
    heads = c.int("num_attention_heads", default=8)
    kv, hd = c.int("num_key_value_heads", default=2), c.int("head_dim", default=128)
    vocab, tied = c.int("vocab_size", default=262272), c.flag("tie_word_embeddings", True)
    n.add(vocab, hidden, "embed")
    if not tied:
        n.add(vocab, hidden, "head")
    n.other += c.flag("lm_head_bias", False) * vocab
    q, k = heads * hd, kv * hd
    n.add(q, hidden, "attn", layers)
    n.add(k, hidden, "attn", layers)
    n.add(k // 2, hidden, "attn", 2 * layers)  # v_proj_current, v_proj_delayed
    n.add(hidden, q, "attn", layers)
    bias = c.flag("attention_bias", False) * (q + k + k + hidden)
    conv = (q + k) * (c.int("cca_time0", default=2) + 1)  # depthwise weights and biases
    conv += (q + k) * ((q + k) // (heads + kv) * c.int("cca_time1", default=2) + 1)  # grouped
    n.other += layers * (bias + conv + kv)  # + the key temperatures
    width, experts = c.int("router_hidden_size", default=256), c.int("num_experts", default=16)
    n.add(width, hidden, "router", layers)
    n.add(width, width, "router", 2 * layers)
    n.add(experts + 1, width, "router", layers)  # the experts and the skip
    n.other += layers * 4 * width + (layers - 1) * width  # biases, norm; router state scales
    inter = c.int("moe_intermediate_size", default=2048)
    gated_mlp(n, hidden, inter, layers * experts, "expert")
    n.other += layers * 10 * hidden + 3 * hidden  # 2 norms, 8 affines a layer; input affine, norm


def _inkling_layers(c: Cfg, layers: int) -> tuple[list[bool], list[bool]]:
    """Each layer's (sliding, sparse), as ``InklingTextConfig`` resolves them: ``layer_types``,
    else ``local_layer_ids``, else global on every 6th layer; ``mlp_layer_types``, else dense
    below ``dense_mlp_idx`` (0)."""
    if types := c.get("layer_types"):
        sliding = [t == "hybrid_sliding" for t in types]
    else:
        local = c.get("local_layer_ids")
        ids = set(local) if local is not None else {i for i in range(layers) if (i + 1) % 6}
        sliding = [i in ids for i in range(layers)]
    if mlps := c.get("mlp_layer_types"):
        return sliding, [t == "sparse" for t in mlps]
    return sliding, [i >= c.int("dense_mlp_idx") for i in range(layers)]


@formula("inkling_text")
def _inkling_text(c: Cfg, n: ParamCount) -> None:
    """Inkling's text model: a normed embedding and an untied head of ``vocab_size`` rows;
    sliding layers attend with the ``swa_*`` widths, global ones with the others; each layer
    has q/k/v/o, a relative projection (``d_rel`` per query head) and relative logits over the
    window (sliding) or ``rel_extent`` (global), q/k norms, short convolutions over K and V and
    over the attention and MLP branches, two norms; dense layers a gated MLP with a scale,
    sparse ones routed and shared experts (``moe_intermediate_size`` wide) under a router that
    scores both, with a scale. A checkpoint's ``dense_intermediate_size`` makes its
    ``intermediate_size`` the experts' width, as transformers reads it. The router's
    score-correction bias is a buffer. Defaults: ``InklingTextConfig``'s
    (thinkingmachines/Inkling)."""
    hidden, layers = c.int("hidden_size", default=6144), c.int("num_hidden_layers", default=66)
    kernel = c.int("sconv_kernel_size", "conv_kernel_size", default=4)
    d_rel, window = c.int("d_rel", default=16), c.int("sliding_window", "sliding_window_size")
    window = window or 512
    sliding, sparse = _inkling_layers(c, layers)
    vocab = c.int("vocab_size", default=201024)
    n.add(vocab, hidden, "embed")
    n.add(vocab, hidden, "head")
    n.other += 2 * hidden  # embedding norm, final norm
    kinds = {
        True: (("swa_num_attention_heads", 64), ("swa_num_key_value_heads", 16),
               ("swa_head_dim", 128), window),
        False: (("num_attention_heads", 64), ("num_key_value_heads", 8), ("head_dim", 128),
                c.int("rel_extent", default=1024)),
    }  # fmt: skip
    for kind, count in Counter(sliding).items():
        (hk, hdef), (kk, kdef), (dk, ddef), extent = kinds[kind]
        heads, kv, hd = c.int(hk, default=hdef), c.int(kk, default=kdef), c.int(dk, default=ddef)
        n.add(heads * hd, hidden, "attn", count)
        n.add(kv * hd, hidden, "attn", 2 * count)
        n.add(heads * d_rel, hidden, "attn", count)  # r_proj
        n.add(hidden, heads * hd, "attn", count)
        n.other += count * (2 * kv * hd * kernel + 2 * hd + d_rel * extent)  # convs, norms, rel
    n.other += layers * (2 * hidden + 2 * hidden * kernel)  # 2 norms, branch convolutions
    dense_inter, moe_inter = c.int("intermediate_size", default=24576), 0
    if (wide := c.int("dense_intermediate_size")) > 0:
        dense_inter, moe_inter = wide, dense_inter
    moe_inter = moe_inter or c.int("moe_intermediate_size", default=3072)
    moe = sum(sparse)
    gated_mlp(n, hidden, dense_inter, layers - moe)
    routed = c.int("n_routed_experts", "num_local_experts", default=256)
    shared = c.int("n_shared_experts", default=2)
    gated_mlp(n, hidden, moe_inter, moe * routed, "expert")
    gated_mlp(n, hidden, moe_inter, moe * shared)
    n.add(routed + shared, hidden, "router", moe)
    n.other += layers  # the dense MLPs' and the routers' global scales


@formula("exaone_moe")
def _exaone_moe(c: Cfg, n: ParamCount) -> None:
    """EXAONE-MoE (K-EXAONE): q/k-normed GQA on every layer, dense MLPs where
    ``mlp_layer_types`` says (the first ``first_k_dense_replace`` layers by default), routed
    experts with ``num_shared_experts`` x ``moe_intermediate_size`` of shared MLP elsewhere; the
    router's score-correction bias is a buffer, not counted. Defaults: ``ExaoneMoeConfig``'s."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    dense = c.int("first_k_dense_replace")
    mlps = c.get("mlp_layer_types") or ["dense" if i < dense else "sparse" for i in range(layers)]
    moe, moe_inter = list(mlps).count("sparse"), c.int("moe_intermediate_size")
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    shared = moe_inter * c.int("num_shared_experts")
    routed_experts(n, hidden, moe, c.int("num_experts"), moe_inter, shared)
    n.other += layers * 2 * hidden + hidden  # 2 norms a layer; final


@formula("aria_text")
def _aria_text(c: Cfg, n: ParamCount) -> None:
    """Aria's text model: attention without biases, and on every layer a router over
    ``moe_num_experts`` gated experts ``intermediate_size`` wide beside a gated shared MLP of
    ``moe_num_shared_experts`` x ``intermediate_size``."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    inter = c.int("intermediate_size")
    embeddings(c, n, hidden)
    gqa(c, n, layers, hidden)
    shared = inter * c.int("moe_num_shared_experts")
    routed_experts(n, hidden, layers, c.int("moe_num_experts"), inter, shared)
    n.other += (2 * layers + 1) * hidden
