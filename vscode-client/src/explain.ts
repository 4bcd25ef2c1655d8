/**
 * Turning the answer of the server command `wrangler-lsp.explain` into text.
 *
 * Pure: no `vscode` import. The server may answer a string (plain text, e.g.
 * the explain table), a MarkupContent (`{ kind, value }`), or an object with
 * `markdown`/`text`; anything else is shown as pretty-printed JSON so that
 * nothing is lost.
 */

/** The server-side command that explains the environments of a config. */
export const EXPLAIN_COMMAND = "wrangler-lsp.explain";

/** URI scheme of the read-only documents that show an explanation. */
export const EXPLAIN_SCHEME = "wrangler-lsp-explain";

/** Text to show, and whether it is Markdown. */
export interface Explanation {
  readonly markdown: boolean;
  readonly text: string;
}

/** Normalizes the command's result. */
export function toExplanation(result: unknown): Explanation {
  if (typeof result === "string") {
    return { markdown: false, text: result };
  }
  if (result !== null && typeof result === "object") {
    const record = result as Record<string, unknown>;
    if (typeof record.value === "string") {
      return { markdown: record.kind !== "plaintext", text: record.value };
    }
    if (typeof record.markdown === "string") {
      return { markdown: true, text: record.markdown };
    }
    if (typeof record.text === "string") {
      return { markdown: false, text: record.text };
    }
  }
  if (result === null || result === undefined) {
    return { markdown: false, text: "The server returned no explanation for this file." };
  }
  return { markdown: false, text: JSON.stringify(result, null, 2) };
}

/** A short message for a failed `workspace/executeCommand`. */
export function explainErrorMessage(error: unknown, advertised: boolean): string {
  if (!advertised) {
    return "This version of wrangler-lsp cannot explain environments yet (no `wrangler-lsp.explain` command).";
  }
  const message = error instanceof Error ? error.message : String(error);
  return `wrangler-lsp could not explain this file: ${message}`;
}
