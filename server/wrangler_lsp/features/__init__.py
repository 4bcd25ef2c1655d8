"""Features layer: what the editor shows (hover, code actions, inlay hints, ...), as plain data.

Each module has one public function named after its LSP feature; none imports pygls or lsprotocol.
"""
