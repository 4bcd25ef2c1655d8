/** Unit tests of the client-side `wranglerLsp.severity` overrides. */

import assert from "node:assert/strict";
import { test } from "node:test";

import { applySeverityOverrides, codeOf, parseSeverityOverrides, VSCODE_SEVERITY } from "../src/severity";

test("parse keeps valid levels, normalizes case, reports invalid ones", () => {
  const { overrides, invalid } = parseSeverityOverrides({ wl101: "Error", WL205: "off", WL300: "loud", WL400: 3 });
  assert.deepEqual([...overrides], [
    ["WL101", "error"],
    ["WL205", "off"],
  ]);
  assert.deepEqual(invalid, ["WL300", "WL400"]);
});

test("parse ignores non-objects", () => {
  assert.equal(parseSeverityOverrides(null).overrides.size, 0);
  assert.equal(parseSeverityOverrides(["WL101"]).overrides.size, 0);
  assert.equal(parseSeverityOverrides("x").overrides.size, 0);
});

test("apply drops `off`, changes overridden severities, keeps the rest", () => {
  const diagnostics = [
    { code: "WL101", severity: VSCODE_SEVERITY.warning, message: "a" },
    { code: { value: "WL205", target: "https://x" }, severity: VSCODE_SEVERITY.warning, message: "b" },
    { code: "WL001", severity: VSCODE_SEVERITY.error, message: "c" },
    { severity: VSCODE_SEVERITY.info, message: "no code" },
  ];
  const { overrides } = parseSeverityOverrides({ WL101: "hint", WL205: "off" });
  const out = applySeverityOverrides(diagnostics, overrides);
  assert.deepEqual(
    out.map((d) => [d.message, d.severity]),
    [
      ["a", VSCODE_SEVERITY.hint],
      ["c", VSCODE_SEVERITY.error],
      ["no code", VSCODE_SEVERITY.info],
    ],
  );
});

test("codeOf reads strings, numbers and {value}", () => {
  assert.equal(codeOf({ code: "wl1", severity: 0 }), "WL1");
  assert.equal(codeOf({ code: 7, severity: 0 }), "7");
  assert.equal(codeOf({ code: { value: "WL2" }, severity: 0 }), "WL2");
  assert.equal(codeOf({ severity: 0 }), undefined);
});
