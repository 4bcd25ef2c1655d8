/**
 * Server discovery: which command starts `wrangler-lsp`.
 *
 * Pure: no `vscode` import and no direct IO. The file system, `PATH` and the
 * "can this Python import wrangler_lsp?" probe are passed in, so unit tests
 * run it with fakes. Order (first that works wins):
 *
 * 1. the `wranglerLsp.server.command` setting, taken as given;
 * 2. `wrangler-lsp` found on `PATH`, started as `wrangler-lsp serve`;
 * 3. the `wranglerLsp.server.python` setting, as `<python> -m wrangler_lsp serve`;
 * 4. the interpreter selected in the Python extension, the same way.
 */

import * as path from "path";

/** Where a server command came from, for logs and messages. */
export type ServerSource = "setting:command" | "path" | "setting:python" | "python-extension";

/** A command that starts the server over stdio. */
export interface ServerCommand {
  readonly source: ServerSource;
  readonly command: string;
  readonly args: readonly string[];
}

/** What the user configured, already read from the settings. */
export interface DiscoveryInputs {
  /** `wranglerLsp.server.command`: program then arguments; empty means unset. */
  readonly command: readonly string[];
  /** `wranglerLsp.server.python`: an interpreter path or name; empty means unset. */
  readonly python: string;
  /** First workspace folder's path, for `${workspaceFolder}`. */
  readonly workspaceFolder?: string;
}

/** The host facts discovery needs, injected so tests can fake them. */
export interface DiscoveryHost {
  readonly platform: NodeJS.Platform;
  /** Value of `PATH` (or `Path` on Windows). */
  readonly pathEnv: string | undefined;
  /** Value of `PATHEXT` on Windows; ignored elsewhere. */
  readonly pathExt?: string;
  readonly homeDir: string;
  /** True when `file` exists and is an executable file. */
  isExecutable(file: string): boolean;
  /** True when `python` runs and can `import wrangler_lsp`. */
  canImportServer(python: string): Promise<boolean>;
  /** The Python extension's selected interpreter, or undefined (no extension, none selected). */
  pythonExtensionInterpreter(): Promise<string | undefined>;
}

/** The outcome: a command, or every place that was tried (for the notification). */
export type DiscoveryResult =
  | { readonly kind: "found"; readonly server: ServerCommand; readonly tried: readonly string[] }
  | { readonly kind: "not-found"; readonly tried: readonly string[] };

/** The executable name looked up on `PATH`. */
export const SERVER_EXECUTABLE = "wrangler-lsp";

/** Arguments for the `wrangler-lsp` executable. */
export const SERVER_ARGS: readonly string[] = ["serve"];

/** Arguments after a Python interpreter. */
export const PYTHON_MODULE_ARGS: readonly string[] = ["-m", "wrangler_lsp", "serve"];

/** Installation hints shown when no server is found. */
export const INSTALL_HINT = "Install it with `pipx install wrangler-lsp` or `pip install wrangler-lsp`";

/** Finds the server command, trying the sources in order. */
export async function discoverServer(inputs: DiscoveryInputs, host: DiscoveryHost): Promise<DiscoveryResult> {
  const tried: string[] = [];

  const command = inputs.command.filter((part) => part.trim() !== "").map((part) => expand(part, inputs, host));
  if (command.length > 0) {
    const [program, ...args] = command;
    return { kind: "found", server: { source: "setting:command", command: program, args }, tried };
  }

  const onPath = findOnPath(SERVER_EXECUTABLE, host);
  tried.push(`\`${SERVER_EXECUTABLE}\` on PATH`);
  if (onPath !== undefined) {
    return { kind: "found", server: { source: "path", command: onPath, args: [...SERVER_ARGS] }, tried };
  }

  const python = inputs.python.trim();
  if (python !== "") {
    const resolved = resolveProgram(expand(python, inputs, host), host);
    tried.push(`wranglerLsp.server.python (${python})`);
    if (resolved !== undefined && (await host.canImportServer(resolved))) {
      return {
        kind: "found",
        server: { source: "setting:python", command: resolved, args: [...PYTHON_MODULE_ARGS] },
        tried,
      };
    }
  }

  const selected = await host.pythonExtensionInterpreter();
  if (selected !== undefined && selected.trim() !== "") {
    tried.push(`the Python extension's interpreter (${selected})`);
    if (await host.canImportServer(selected)) {
      return {
        kind: "found",
        server: { source: "python-extension", command: selected, args: [...PYTHON_MODULE_ARGS] },
        tried,
      };
    }
  }

  return { kind: "not-found", tried };
}

/** Finds `name` in the `PATH` directories; on Windows also tries each `PATHEXT` suffix. */
export function findOnPath(name: string, host: DiscoveryHost): string | undefined {
  const pathApi = host.platform === "win32" ? path.win32 : path.posix;
  const delimiter = host.platform === "win32" ? ";" : ":";
  const suffixes =
    host.platform === "win32"
      ? ["", ...(host.pathExt ?? ".COM;.EXE;.BAT;.CMD").split(";").filter((s) => s !== "")]
      : [""];
  for (const dir of (host.pathEnv ?? "").split(delimiter)) {
    if (dir === "") {
      continue;
    }
    for (const suffix of suffixes) {
      const candidate = pathApi.join(dir, name + suffix);
      if (host.isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/** A program given as a path is kept if executable; a bare name is looked up on `PATH`. */
function resolveProgram(program: string, host: DiscoveryHost): string | undefined {
  const hasSeparator = program.includes("/") || (host.platform === "win32" && program.includes("\\"));
  if (hasSeparator) {
    return host.isExecutable(program) ? program : undefined;
  }
  return findOnPath(program, host);
}

/** Expands `${workspaceFolder}`, `${userHome}` and a leading `~`. */
export function expand(value: string, inputs: DiscoveryInputs, host: DiscoveryHost): string {
  let out = value.replace(/\$\{userHome\}/g, host.homeDir);
  if (inputs.workspaceFolder !== undefined) {
    out = out.replace(/\$\{workspaceFolder\}/g, inputs.workspaceFolder);
  }
  if (out === "~" || out.startsWith("~/")) {
    out = host.homeDir + out.slice(1);
  }
  return out;
}

/** One line for the log: the command and where it came from. */
export function describe(server: ServerCommand): string {
  const shown = [server.command, ...server.args].map((part) => (/\s/.test(part) ? JSON.stringify(part) : part));
  return `${shown.join(" ")} (from ${server.source})`;
}
