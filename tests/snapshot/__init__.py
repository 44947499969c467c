"""Behaviour snapshot of every config the tests and fuzzers resolve (``python -m tests.snapshot``).

A case is a config.json dict; its outcome is the class that serves it, its layers, KV params,
max length, or the error it raises, byte for byte. ``write`` records the outcomes into a JSON
file; ``diff`` compares the current code against such a file. Refactors of the generator and
the generated package must leave the diff empty.

Cases: every fixture config.json, every oracle variant (as a dict and as transformers' own
config), every model_type alone (each schema's defaults), the configs the schema tests resolve
(``corpus.json``, recorded by ``record``) and deterministic config-fuzz mutations of all of these.
"""
