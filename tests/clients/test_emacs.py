"""Emacs + eglot in batch mode: flymake receives wrangler-lsp's diagnostic, and loses it after a fix.

Needs `emacs` (28 with Debian's `elpa-eglot`, or 29+ where eglot is built in); skips when it is absent.
The script loads the shipped set-up, editors/emacs/wrangler-lsp.el, with the server run as
`<this python> -m wrangler_lsp serve`, opens a broken wrangler.toml and a pyproject.toml (which must
stay unmanaged). It prints one `DIAG <phase> <line> <type> <text>` line per
flymake diagnostic and `DONE`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

EMACS = shutil.which("emacs")
pytestmark = pytest.mark.skipif(
    EMACS is None, reason="emacs not installed (Debian: apt-get install -y emacs-nox elpa-eglot)"
)

SETUP = Path(__file__).resolve().parents[2] / "editors" / "emacs" / "wrangler-lsp.el"
BROKEN = """\
name = "api"
main = "src/index.ts"

[env.staging]
name = "api-staging"
workers_dev =
"""

SCRIPT = r"""
(require 'package)
(package-initialize)
(require 'eglot)
(require 'flymake)
(setq eglot-sync-connect 10 eglot-send-changes-idle-time 0.05 eglot-autoshutdown t)
(load @SETUP@ nil t)
(setq wrangler-lsp-command (list @PYTHON@ "-m" "wrangler_lsp" "serve"))

(defun wl-wait (pred seconds)
  "Run the event loop until PRED is non-nil or SECONDS pass; PRED's last value."
  (let ((deadline (+ (float-time) seconds)) (value nil))
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (when (bound-and-true-p flymake-mode) (flymake-start))
      (accept-process-output nil 0.05))
    value))

(defun wl-report (phase)
  (dolist (d (flymake-diagnostics))
    (princ (format "DIAG %s %d %s %s\n" phase (line-number-at-pos (flymake-diagnostic-beg d))
                   (flymake-diagnostic-type d)
                   (replace-regexp-in-string "\n" " " (flymake-diagnostic-text d))))))

(find-file @OTHER@)
(run-hooks 'post-command-hook) ; eglot-ensure connects after the next command
(princ (format "OTHER %s\n" (if (eglot-current-server) "managed" "unmanaged")))
(find-file @FILE@)
(princ (format "MODE %s\n" major-mode))
(run-hooks 'post-command-hook)
(princ (format "MANAGED %s\n" (if (eglot-current-server) "yes" "no")))
(wl-wait (lambda () (flymake-diagnostics)) 30)
(wl-report "broken")
(goto-char (point-min))
(re-search-forward "^workers_dev =$")
(insert " true")
;; eglot sends didChange from an idle timer, and batch Emacs is never idle: send it as that timer would.
(eglot--signal-textDocument/didChange)
(wl-wait (lambda () (null (flymake-diagnostics))) 30)
(wl-report "fixed")
(princ "DONE\n")
(eglot-shutdown (eglot-current-server))
"""


def test_eglot_flymake_gets_the_syntax_error(tmp_path: Path) -> None:
    assert EMACS is not None
    config = tmp_path / "wrangler.toml"
    config.write_text(BROKEN)
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\n')
    values = {"PYTHON": sys.executable, "FILE": config, "OTHER": other, "SETUP": SETUP}
    script = SCRIPT
    for name, value in values.items():
        script = script.replace(f"@{name}@", f'"{value}"')
    (tmp_path / "check.el").write_text(script)
    started = time.monotonic()
    proc = subprocess.run(
        [EMACS, "--batch", "-l", str(tmp_path / "check.el")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    seconds = time.monotonic() - started
    lines = proc.stdout.splitlines()
    detail = f"exit {proc.returncode}, {seconds:.0f}s\nout:\n{proc.stdout}\nerr:\n{proc.stderr[-2000:]}"
    assert "DONE" in lines, detail
    assert "MANAGED yes" in lines, detail
    assert "OTHER unmanaged" in lines, detail
    broken = [line.split(" ", 4) for line in lines if line.startswith("DIAG broken ")]
    errors = [(line, text) for _, _, line, kind, text in broken if kind in (":error", "eglot-error")]
    assert any(line == "6" and "WL001" in text for line, text in errors), detail
    assert not [line for line in lines if line.startswith("DIAG fixed ")], detail
    print(f"emacs eglot: {seconds:.1f} s")
