/** Unit tests of server discovery with a fake PATH, file system and Python probe. */

import assert from "node:assert/strict";
import { describe as suite, test } from "node:test";

import { describe, discoverServer, type DiscoveryHost, type DiscoveryInputs, expand, findOnPath } from "../src/discovery";

interface Fake {
  executables?: string[];
  pathEnv?: string;
  platform?: NodeJS.Platform;
  pathExt?: string;
  /** Interpreters that can import wrangler_lsp. */
  importers?: string[];
  selected?: string;
}

function host(fake: Fake): DiscoveryHost & { probed: string[] } {
  const probed: string[] = [];
  return {
    probed,
    platform: fake.platform ?? "linux",
    pathEnv: fake.pathEnv,
    pathExt: fake.pathExt,
    homeDir: "/home/u",
    isExecutable: (file) => (fake.executables ?? []).includes(file),
    canImportServer: async (python) => {
      probed.push(python);
      return (fake.importers ?? []).includes(python);
    },
    pythonExtensionInterpreter: async () => fake.selected,
  };
}

const NONE: DiscoveryInputs = { command: [], python: "" };

suite("discoverServer", () => {
  test("the command setting wins over everything, taken as given", async () => {
    const result = await discoverServer(
      { command: ["/opt/wl/bin/wrangler-lsp", "serve", "--log-level", "debug"], python: "/usr/bin/python3" },
      host({ executables: ["/usr/bin/wrangler-lsp"], pathEnv: "/usr/bin", importers: ["/usr/bin/python3"] }),
    );
    assert.deepEqual(result, {
      kind: "found",
      server: { source: "setting:command", command: "/opt/wl/bin/wrangler-lsp", args: ["serve", "--log-level", "debug"] },
      tried: [],
    });
  });

  test("the command setting expands ${workspaceFolder} and ~, and ignores blank parts", async () => {
    const result = await discoverServer(
      { command: ["", "${workspaceFolder}/.venv/bin/python", "-m", "wrangler_lsp", "serve", "~/x"], python: "", workspaceFolder: "/ws" },
      host({}),
    );
    assert.equal(result.kind, "found");
    assert.deepEqual(result.kind === "found" && result.server, {
      source: "setting:command",
      command: "/ws/.venv/bin/python",
      args: ["-m", "wrangler_lsp", "serve", "/home/u/x"],
    });
  });

  test("wrangler-lsp on PATH is next, started with `serve`", async () => {
    const fake = host({ executables: ["/b/wrangler-lsp", "/c/wrangler-lsp"], pathEnv: "/a::/b:/c", importers: ["python3"] });
    const result = await discoverServer({ command: [], python: "python3" }, fake);
    assert.equal(result.kind, "found");
    assert.deepEqual(result.kind === "found" && result.server, { source: "path", command: "/b/wrangler-lsp", args: ["serve"] });
    assert.deepEqual(fake.probed, [], "no Python is probed when the executable is found");
  });

  test("then the python setting, as `-m wrangler_lsp serve`, resolved on PATH when bare", async () => {
    const fake = host({ executables: ["/usr/bin/python3"], pathEnv: "/usr/bin", importers: ["/usr/bin/python3"] });
    const result = await discoverServer({ command: [], python: "python3" }, fake);
    assert.deepEqual(result, {
      kind: "found",
      server: { source: "setting:python", command: "/usr/bin/python3", args: ["-m", "wrangler_lsp", "serve"] },
      tried: ["`wrangler-lsp` on PATH", "wranglerLsp.server.python (python3)"],
    });
  });

  test("a python setting that cannot import the server falls through to the Python extension", async () => {
    const fake = host({
      executables: ["/venv/bin/python"],
      importers: ["/ext/python"],
      selected: "/ext/python",
    });
    const result = await discoverServer({ command: [], python: "/venv/bin/python" }, fake);
    assert.equal(result.kind, "found");
    assert.deepEqual(result.kind === "found" && result.server, {
      source: "python-extension",
      command: "/ext/python",
      args: ["-m", "wrangler_lsp", "serve"],
    });
    assert.deepEqual(fake.probed, ["/venv/bin/python", "/ext/python"]);
  });

  test("a python setting that does not exist is not probed", async () => {
    const fake = host({ importers: ["/missing/python"] });
    const result = await discoverServer({ command: [], python: "/missing/python" }, fake);
    assert.equal(result.kind, "not-found");
    assert.deepEqual(fake.probed, []);
  });

  test("nothing found lists every place tried", async () => {
    const fake = host({ pathEnv: "/usr/bin", selected: "/ext/python" });
    const result = await discoverServer({ command: [], python: "" }, fake);
    assert.deepEqual(result, {
      kind: "not-found",
      tried: ["`wrangler-lsp` on PATH", "the Python extension's interpreter (/ext/python)"],
    });
  });

  test("no PATH, no settings, no Python extension: not found", async () => {
    assert.deepEqual(await discoverServer(NONE, host({ pathEnv: undefined })), {
      kind: "not-found",
      tried: ["`wrangler-lsp` on PATH"],
    });
  });
});

suite("findOnPath", () => {
  test("Windows uses ; and PATHEXT", () => {
    const fake = host({
      platform: "win32",
      pathEnv: "C:\\Python\\Scripts;C:\\tools",
      pathExt: ".COM;.EXE",
      executables: ["C:\\tools\\wrangler-lsp.EXE"],
    });
    assert.equal(findOnPath("wrangler-lsp", fake), "C:\\tools\\wrangler-lsp.EXE");
  });

  test("a non-executable file is skipped", () => {
    assert.equal(findOnPath("wrangler-lsp", host({ pathEnv: "/a", executables: [] })), undefined);
  });
});

suite("helpers", () => {
  test("expand leaves other text alone", () => {
    assert.equal(expand("a~/b ${env:X}", NONE, host({})), "a~/b ${env:X}");
    assert.equal(expand("${userHome}/p", NONE, host({})), "/home/u/p");
  });

  test("describe quotes parts with spaces", () => {
    assert.equal(
      describe({ source: "path", command: "/My Tools/wrangler-lsp", args: ["serve"] }),
      '"/My Tools/wrangler-lsp" serve (from path)',
    );
  });
});
