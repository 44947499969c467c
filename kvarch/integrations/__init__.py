"""Bridges from kvarch's configs to serving engines (each an optional extra).

- ``kvarch.integrations.max``: MAX 26.7's KV-cache params objects (``pip install 'kvarch[max]'``).
"""
