"""LSP handlers, one module per group; each converts in, calls the analysis once, converts out."""
