"""Tests of the VS Code client (vscode-client/)."""
