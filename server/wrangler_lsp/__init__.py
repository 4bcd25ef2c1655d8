"""wrangler-lsp: a language server for Cloudflare Wrangler configuration files."""

__version__ = "0.1.0"
