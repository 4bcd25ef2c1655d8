"""Headless Neovim 0.11 end-to-end test."""
