"""Reliability harnesses: fuzzers, the cache soak driver and their corpora (issue 8)."""
