// Stdio adapter for Taplo's language server, which ships only as the @taplo/lsp WebAssembly build.
// Usage: NODE_PATH=<dir>/node_modules node bench/peers/taplo_stdio.js
// Reads LSP frames (Content-Length) from stdin, hands each message to TaploLsp.send, and frames
// every message Taplo emits onto stdout. The environment mirrors Taplo's VS Code extension (Node fs).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { fileURLToPath } = require("node:url");
const { TaploLsp } = require("@taplo/lsp");

const write = (message) => {
  const body = Buffer.from(JSON.stringify(message), "utf8");
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
};

const env = {
  now: () => new Date(),
  envVar: (name) => process.env[name],
  envVars: () => Object.entries(process.env),
  stdErrAtty: () => false,
  stdin: process.stdin,
  stdout: process.stderr, // never let Taplo write unframed text onto the LSP channel
  stderr: process.stderr,
  glob: () => [],
  readFile: (p) => fs.promises.readFile(p),
  writeFile: () => Promise.reject(new Error("the benchmark adapter never writes files")),
  urlToFilePath: (url) => (url.startsWith("file:") ? fileURLToPath(url) : url),
  isAbsolute: (p) => path.isAbsolute(p),
  cwd: () => process.cwd(),
  findConfigFile: () => undefined,
  fetch: { fetch: globalThis.fetch, Headers, Request, Response },
};

(async () => {
  const lsp = await TaploLsp.initialize(env, { onMessage: write });
  let buffer = Buffer.alloc(0);
  process.stdin.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const match = /content-length:\s*(\d+)/i.exec(buffer.subarray(0, end).toString("ascii"));
      const length = match ? Number(match[1]) : 0;
      if (buffer.length < end + 4 + length) return;
      const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8");
      buffer = buffer.subarray(end + 4 + length);
      const message = JSON.parse(body);
      lsp.send(message);
      if (message.method === "exit") setTimeout(() => process.exit(0), 10);
    }
  });
  process.stdin.on("end", () => process.exit(0));
})();
