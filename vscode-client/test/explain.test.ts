/** Unit tests of turning a `wrangler-lsp.explain` answer into shown text. */

import assert from "node:assert/strict";
import { test } from "node:test";

import { explainErrorMessage, toExplanation } from "../src/explain";

test("a string is plain text", () => {
  assert.deepEqual(toExplanation("env  name\nstaging  my-worker-staging"), {
    markdown: false,
    text: "env  name\nstaging  my-worker-staging",
  });
});

test("MarkupContent keeps its kind", () => {
  assert.deepEqual(toExplanation({ kind: "plaintext", value: "x" }), { markdown: false, text: "x" });
  assert.deepEqual(toExplanation({ kind: "markdown", value: "*x*" }), { markdown: true, text: "*x*" });
});

test("markdown/text fields and unknown shapes", () => {
  assert.deepEqual(toExplanation({ markdown: "m" }), { markdown: true, text: "m" });
  assert.deepEqual(toExplanation({ text: "t" }), { markdown: false, text: "t" });
  assert.deepEqual(toExplanation({ envs: [1] }), { markdown: false, text: '{\n  "envs": [\n    1\n  ]\n}' });
  assert.equal(toExplanation(null).markdown, false);
});

test("error messages say whether the command exists", () => {
  assert.match(explainErrorMessage(undefined, false), /cannot explain environments yet/);
  assert.match(explainErrorMessage(new Error("boom"), true), /could not explain this file: boom/);
});
