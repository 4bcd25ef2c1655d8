"""Tests with real editors and packaging: Neovim, Emacs eglot, wheel/sdist/pipx installs."""
