"""LSP layer: pygls wiring, handlers, and the only code that builds lsprotocol objects.

Nothing below this package imports pygls or lsprotocol (`tests/test_architecture.py` checks it).
"""
