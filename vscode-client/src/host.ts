/**
 * The real `DiscoveryHost`: file system, environment, a Python probe and the
 * Python extension's selected interpreter. The only IO used by discovery.
 */

import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as vscode from "vscode";

import type { DiscoveryHost } from "./discovery";

const PROBE_TIMEOUT_MS = 20_000;
const PYTHON_EXTENSION_ID = "ms-python.python";

/** Builds the host for the current process; `resource` scopes the Python extension's choice. */
export function nodeDiscoveryHost(resource: vscode.Uri | undefined, log: (line: string) => void): DiscoveryHost {
  return {
    platform: process.platform,
    pathEnv: process.env.PATH ?? process.env.Path,
    pathExt: process.env.PATHEXT,
    homeDir: os.homedir(),
    isExecutable,
    canImportServer: (python) => canImportServer(python, log),
    pythonExtensionInterpreter: () => pythonExtensionInterpreter(resource, log),
  };
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (process.platform !== "win32") {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

function canImportServer(python: string, log: (line: string) => void): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(python, ["-c", "import wrangler_lsp"], { timeout: PROBE_TIMEOUT_MS }, (error, _stdout, stderr) => {
      if (error) {
        const detail = stderr.trim().split("\n").pop() ?? error.message;
        log(`${python} cannot import wrangler_lsp: ${detail || error.message}`);
      }
      resolve(!error);
    });
  });
}

/** Shapes of the two Python extension APIs we read; both are optional at run time. */
interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath?(resource?: vscode.Uri): { path: string } | undefined;
    resolveEnvironment?(env: { path: string }): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
  };
  settings?: {
    getExecutionDetails?(resource?: vscode.Uri): { execCommand?: string[] } | undefined;
  };
}

async function pythonExtensionInterpreter(
  resource: vscode.Uri | undefined,
  log: (line: string) => void,
): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION_ID);
  if (extension === undefined) {
    return undefined;
  }
  try {
    const api = extension.isActive ? extension.exports : await withTimeout(extension.activate(), PROBE_TIMEOUT_MS);
    const active = api?.environments?.getActiveEnvironmentPath?.(resource);
    if (active !== undefined) {
      const resolved = await api?.environments?.resolveEnvironment?.(active);
      return resolved?.executable?.uri?.fsPath ?? active.path;
    }
    return api?.settings?.getExecutionDetails?.(resource)?.execCommand?.[0];
  } catch (error) {
    log(`Could not ask the Python extension for its interpreter: ${String(error)}`);
    return undefined;
  }
}

function withTimeout<T>(promise: Thenable<T>, ms: number): Promise<T | undefined> {
  return Promise.race([
    Promise.resolve(promise),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms)),
  ]);
}
