/**
 * Per-rule severity overrides (`wranglerLsp.severity`), applied on the client.
 *
 * Pure: no `vscode` import. The server reads the same setting through
 * `workspace/configuration`; applying it here too keeps the setting effective
 * whatever the server supports, and is idempotent when both do it.
 * Severities use VS Code's numbering (`vscode.DiagnosticSeverity`).
 */

/** A level a user may pick for a rule code. */
export type SeverityLevel = "off" | "hint" | "info" | "warning" | "error";

/** `vscode.DiagnosticSeverity` values, without importing `vscode`. */
export const VSCODE_SEVERITY: Readonly<Record<Exclude<SeverityLevel, "off">, number>> = {
  error: 0,
  warning: 1,
  info: 2,
  hint: 3,
};

const LEVELS: ReadonlySet<string> = new Set(["off", "hint", "info", "warning", "error"]);

/** The subset of a diagnostic this module reads and writes. */
export interface SeverityTarget {
  code?: string | number | { value: string | number; target?: unknown };
  severity: number;
}

/** Keeps the valid entries of a raw setting value; returns the invalid keys too, for a warning. */
export function parseSeverityOverrides(raw: unknown): {
  overrides: ReadonlyMap<string, SeverityLevel>;
  invalid: readonly string[];
} {
  const overrides = new Map<string, SeverityLevel>();
  const invalid: string[] = [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { overrides, invalid };
  }
  for (const [code, level] of Object.entries(raw as Record<string, unknown>)) {
    const normalized = typeof level === "string" ? level.trim().toLowerCase() : "";
    if (LEVELS.has(normalized)) {
      overrides.set(code.trim().toUpperCase(), normalized as SeverityLevel);
    } else {
      invalid.push(code);
    }
  }
  return { overrides, invalid };
}

/** The rule code of a diagnostic as a string, if any. */
export function codeOf(diagnostic: SeverityTarget): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) {
    return undefined;
  }
  const value = typeof code === "object" ? code.value : code;
  return String(value).toUpperCase();
}

/** Drops diagnostics whose code is `off` and sets the severity of the others that are overridden. */
export function applySeverityOverrides<T extends SeverityTarget>(
  diagnostics: readonly T[],
  overrides: ReadonlyMap<string, SeverityLevel>,
): T[] {
  if (overrides.size === 0) {
    return [...diagnostics];
  }
  const out: T[] = [];
  for (const diagnostic of diagnostics) {
    const code = codeOf(diagnostic);
    const level = code === undefined ? undefined : overrides.get(code);
    if (level === undefined) {
      out.push(diagnostic);
    } else if (level !== "off") {
      diagnostic.severity = VSCODE_SEVERITY[level];
      out.push(diagnostic);
    }
  }
  return out;
}
