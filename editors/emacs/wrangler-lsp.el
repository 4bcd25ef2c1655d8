;;; wrangler-lsp.el --- eglot set-up for wrangler-lsp (Cloudflare Wrangler config) -*- lexical-binding: t -*-

;; Starts eglot with `wrangler-lsp serve' in buffers visiting wrangler.toml, wrangler.json or
;; wrangler.jsonc (and wrangler.<name>.toml/json/jsonc), and only there: other TOML and JSON files keep
;; whatever server you use for them. Works with Emacs 29+ (eglot built in) and Emacs 28 with eglot
;; from ELPA (Debian: elpa-eglot). Load it from your init file:
;;
;;   (load "/path/to/wrangler-lsp/editors/emacs/wrangler-lsp.el")
;;
;; Emacs has no mode for .jsonc files; map them to your JSON mode, e.g.
;;   (add-to-list 'auto-mode-alist '("\\.jsonc\\'" . js-json-mode))   ; Emacs 29+ (js-mode on 28)

(require 'eglot)

(defvar wrangler-lsp-command '("wrangler-lsp" "serve")
  "The command that runs the language server over stdio.")

(defconst wrangler-lsp-file-name-regexp
  "\\`wrangler\\(?:\\.[[:alnum:]_-]+\\)?\\.\\(?:toml\\|jsonc?\\)\\'"
  "File names (without folders) that are Wrangler config files.")

(defun wrangler-lsp-maybe-start ()
  "Start eglot with wrangler-lsp when this buffer visits a Wrangler config file."
  (when (and buffer-file-name
             (string-match-p wrangler-lsp-file-name-regexp (file-name-nondirectory buffer-file-name)))
    ;; Buffer-local, so this buffer's major mode maps to wrangler-lsp and no other buffer changes.
    (setq-local eglot-server-programs
                (cons (cons major-mode wrangler-lsp-command) eglot-server-programs))
    (eglot-ensure)))

(add-hook 'find-file-hook #'wrangler-lsp-maybe-start)

;; Settings (section `wranglerLsp'), e.g. turn a rule off; Emacs 29+ plist form:
;; (setq-default eglot-workspace-configuration
;;               '(:wranglerLsp (:severity (:WL201 "off") :inlayHints (:enabled t))))

(provide 'wrangler-lsp)
;;; wrangler-lsp.el ends here
