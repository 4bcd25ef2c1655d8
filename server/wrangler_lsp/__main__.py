"""`python -m wrangler_lsp` runs the same command line as the `wrangler-lsp` script."""

from wrangler_lsp.cli import main

raise SystemExit(main())
