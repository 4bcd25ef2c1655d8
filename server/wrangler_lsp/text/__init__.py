"""Text layer: byte offsets, line index, position encodings and applying edits.

Everything above this layer speaks in UTF-8 byte offsets (`Span`); client positions in UTF-8, UTF-16 or
UTF-32 code units exist only as input to, and output from, the functions here.
"""

from wrangler_lsp.text.change import TextEdit, apply_edit
from wrangler_lsp.text.encoding import PositionEncoding
from wrangler_lsp.text.line_index import LineIndex
from wrangler_lsp.text.span import Span

__all__ = ["LineIndex", "PositionEncoding", "Span", "TextEdit", "apply_edit"]
