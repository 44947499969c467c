"""The oracle: what transformers' own models really cache, layer by layer.

- ``truth.cache_truth(config)``: build a tiny random-weight model (or a full-size one on the
  meta device), run one forward pass with ``use_cache=True``, read every cache layer.
- ``attention.attention_seen(config)``: the K/V each layer hands its attention function (the
  expanded MLA view; a second witness for everything else).
- ``variants.VARIANTS``: tiny configs of every decoder family; ``UNBUILDABLE`` says why the rest
  cannot be built here.
- ``compare.mismatches(truth, layer_specs)``: field-by-field differences with kvarch.

Check one family against its schema: ``pytest tests/test_oracle_harness.py -k gemma2``.
"""
