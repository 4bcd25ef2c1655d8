// The end-to-end scenarios, as data. driver.mjs runs them in a real VS Code (code-server).
//
// Each scenario opens one file of fixtures/workspace/ and runs its steps in order:
//   { squiggle: "error" | "warning" | "info" | "hint", line?: "text on the line" }
//       a squiggle of that kind shows in the editor (on the line containing `line`, when given)
//   { problem: /message regexp/, severity?: "Error" | "Warning" | "Info", source?: "wrangler-lsp", code?: "WL001", line?: 5 }
//       the Problems view lists it under this file (matched on the row's aria-label and text)
//   { hover: { line: "text on the line", occurrence?: 2, word: "word to hover" }, expect: /regexp/ }
//       (occurrence: which of the lines containing `line`, 1-based; default 1)
//       hovering the word shows a hover whose text matches
//   { quickfix: { line: "text on the line", word: "word to put the cursor on" }, title: /regexp/, expectLine: "text" }
//       Ctrl+. there (or at the next problem) offers the action; applying it makes a line containing `expectLine` appear
//   { command: "Wrangler LSP: Explain Environments", expectTab: /regexp/, expectText: "text" }
//       runs the command from the palette; an editor tab matching `expectTab` opens and shows `expectText`
//
// Which scenarios run: those named in READY, unless the environment says otherwise:
//   WRANGLER_LSP_E2E_GROUPS=syntax,durable-objects   (or "all")   every scenario of these groups
//   WRANGLER_LSP_E2E_SCENARIOS=name1,name2                        these scenarios, by name
// Turn a scenario on for good by adding its name to READY once the server supports it.

/** Scenarios that run by default: the server supports them today. */
export const READY = [
  "syntax-error-toml",
  "syntax-error-jsonc",
  "do-hover-implied-worker",
  "explain-environments",
  "do-not-inherited-warning",
  "do-quick-fix-script-name",
  "do-jsonc",
];

export const SCENARIOS = [
  {
    name: "syntax-error-toml",
    group: "syntax",
    file: "syntax-toml/wrangler.toml",
    steps: [
      { squiggle: "error", line: "[vars" },
      { problem: /./, severity: "Error", source: "wrangler-lsp", code: "WL001", line: 5 },
    ],
  },
  {
    name: "syntax-error-jsonc",
    group: "syntax",
    file: "syntax-jsonc/wrangler.jsonc",
    steps: [
      { squiggle: "error", line: '"main": "src/index.ts",,' },
      { problem: /./, severity: "Error", source: "wrangler-lsp", code: "WL004", line: 4 },
    ],
  },
  {
    name: "do-not-inherited-warning",
    group: "durable-objects",
    file: "do-not-inherited/wrangler.toml",
    steps: [
      { squiggle: "warning", line: "[env.staging]" },
      { problem: /not inherited/i, severity: "Warning", source: "wrangler-lsp" },
    ],
  },
  {
    name: "do-hover-implied-worker",
    group: "durable-objects",
    file: "do-env-binding/wrangler.toml",
    steps: [
      // The second `class_name = "Counter"` is the env binding's; the hover names the Worker it implies.
      { hover: { line: 'class_name = "Counter"', occurrence: 2, word: "Counter" }, expect: /my-worker-staging/ },
    ],
  },
  {
    name: "do-quick-fix-script-name",
    group: "durable-objects",
    file: "do-env-binding/wrangler.toml",
    steps: [
      {
        quickfix: { line: 'name = "COUNTER"', occurrence: 2, word: "COUNTER" },
        title: /Share the top-level objects: script_name = "my-worker"/,
        expectLine: 'script_name = "my-worker"',
      },
    ],
  },
  {
    name: "do-jsonc",
    group: "durable-objects",
    file: "do-jsonc/wrangler.jsonc",
    steps: [
      { squiggle: "warning", line: '"production": {' },
      { problem: /"durable_objects" exists at the top level, but not on "env.production"/, severity: "Warning", source: "wrangler-lsp", code: "WL101" },
      // The env binding's line also shows the inlay hint `, "script_name": "my-worker-staging"` before `}`.
      { hover: { line: '"bindings": [{ "name": "COUNTER", "class_name": "Counter"', occurrence: 2, word: "Counter" }, expect: /my-worker-staging/ },
      {
        quickfix: { line: '"bindings": [{ "name": "COUNTER", "class_name": "Counter"', occurrence: 2, word: "COUNTER" },
        title: /Share the top-level objects: script_name = "my-worker"/,
        expectLine: '"script_name": "my-worker"',
      },
    ],
  },
  {
    name: "explain-environments",
    group: "commands",
    file: "do-env-binding/wrangler.toml",
    steps: [
      { command: "Wrangler LSP: Explain Environments", expectTab: /Environments of wrangler\.toml/, expectText: "my-worker-staging" },
    ],
  },
];

/** The scenarios selected by READY_GROUPS or the environment. */
export function selectScenarios(env = process.env) {
  const names = (env.WRANGLER_LSP_E2E_SCENARIOS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length > 0) {
    const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
    if (unknown.length > 0) {
      throw new Error(`Unknown scenario(s): ${unknown.join(", ")}; known: ${SCENARIOS.map((s) => s.name).join(", ")}`);
    }
    return SCENARIOS.filter((s) => names.includes(s.name));
  }
  const raw = (env.WRANGLER_LSP_E2E_GROUPS ?? "").trim();
  if (raw === "") {
    return SCENARIOS.filter((s) => READY.includes(s.name));
  }
  const groups = raw === "all" ? [...new Set(SCENARIOS.map((s) => s.group))] : raw.split(",").map((s) => s.trim());
  return SCENARIOS.filter((s) => groups.includes(s.group));
}
