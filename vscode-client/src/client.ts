/**
 * The language client's life: discover the server, start it, restart it on a
 * crash a limited number of times, and stop it.
 *
 * A missing server gives ONE notification (install hint + a button opening the
 * settings), never a restart loop.
 */

import * as vscode from "vscode";
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type Message,
  type ServerOptions,
} from "vscode-languageclient/node";

import { describe, discoverServer, INSTALL_HINT, type ServerCommand } from "./discovery";
import { nodeDiscoveryHost } from "./host";
import { applySeverityOverrides, parseSeverityOverrides, type SeverityLevel } from "./severity";

/** Settings section, client id and the prefix of every setting. */
export const SECTION = "wranglerLsp";

/** Files the client serves: VS Code has no TOML language, so select by name. */
export const DOCUMENT_SELECTOR = [{ scheme: "file", pattern: "**/wrangler.{toml,json,jsonc}" }];

const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 3 * 60_000;

/** Restarts a crashed server at most `MAX_RESTARTS` times within `RESTART_WINDOW_MS`. */
class LimitedRestarts implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly output: vscode.OutputChannel) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0] > RESTART_WINDOW_MS) {
      this.restarts.shift();
    }
    if (this.restarts.length < MAX_RESTARTS) {
      this.restarts.push(now);
      this.output.appendLine(`wrangler-lsp stopped; restarting (${this.restarts.length}/${MAX_RESTARTS}).`);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = `wrangler-lsp stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. See the output, then run "Wrangler LSP: Restart Server".`;
    this.output.appendLine(message);
    void showWithOutput(message, this.output);
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

/** Owns at most one running client. */
export class ClientManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private severity: ReadonlyMap<string, SeverityLevel> = new Map();
  private starting: Promise<void> | undefined;

  constructor(readonly output: vscode.OutputChannel) {
    this.readSeverity();
  }

  /** The running client, if any. */
  get current(): LanguageClient | undefined {
    return this.client;
  }

  /** Re-reads settings that apply on the client (no restart needed). */
  readSeverity(): void {
    const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>("severity", {});
    const { overrides, invalid } = parseSeverityOverrides(raw);
    if (invalid.length > 0) {
      this.output.appendLine(`wranglerLsp.severity: ignored invalid levels for ${invalid.join(", ")}`);
    }
    this.severity = overrides;
  }

  /** Starts the server unless it runs; concurrent calls share one start. */
  start(): Promise<void> {
    this.starting ??= this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Stops and starts again, re-running discovery. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      try {
        await client.stop(5_000);
      } catch (error) {
        this.output.appendLine(`Stopping wrangler-lsp: ${String(error)}`);
      }
      await client.dispose();
    }
  }

  dispose(): void {
    void this.stop();
  }

  private async doStart(): Promise<void> {
    if (this.client !== undefined) {
      return;
    }
    const server = await this.discover();
    if (server === undefined) {
      return;
    }
    this.output.appendLine(`Starting ${describe(server)}`);
    const client = new LanguageClient(SECTION, "Wrangler LSP", serverOptions(server), this.clientOptions());
    this.client = client;
    try {
      await client.start();
      const info = client.initializeResult?.serverInfo;
      this.output.appendLine(`wrangler-lsp started${info ? `: ${info.name} ${info.version ?? ""}` : ""}`);
    } catch (error) {
      this.client = undefined;
      const message = `wrangler-lsp failed to start (${server.command}): ${error instanceof Error ? error.message : String(error)}`;
      this.output.appendLine(message);
      void showWithOutput(message, this.output);
      try {
        await client.dispose();
      } catch {
        // Already broken; nothing more to release.
      }
    }
  }

  private async discover(): Promise<ServerCommand | undefined> {
    const config = vscode.workspace.getConfiguration(SECTION);
    const folder = vscode.workspace.workspaceFolders?.[0];
    const result = await discoverServer(
      {
        command: config.get<string[]>("server.command", []),
        python: config.get<string>("server.python", ""),
        workspaceFolder: folder?.uri.fsPath,
      },
      nodeDiscoveryHost(folder?.uri, (line) => this.output.appendLine(line)),
    );
    if (result.kind === "found") {
      return result.server;
    }
    const message = `The wrangler-lsp language server was not found (tried ${result.tried.join(", ")}). ${INSTALL_HINT}, or set "wranglerLsp.server.command".`;
    this.output.appendLine(message);
    const open = "Open Settings";
    void vscode.window.showErrorMessage(message, open).then((choice) => {
      if (choice === open) {
        void vscode.commands.executeCommand("workbench.action.openSettings", `${SECTION}.server`);
      }
    });
    return undefined;
  }

  private clientOptions(): LanguageClientOptions {
    return {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      traceOutputChannel: this.output,
      errorHandler: new LimitedRestarts(this.output),
      initializationOptions: { [SECTION]: settingsSnapshot() },
      synchronize: {
        configurationSection: SECTION,
        fileEvents: vscode.workspace.createFileSystemWatcher("**/wrangler.{toml,json,jsonc}"),
      },
      middleware: {
        handleDiagnostics: (uri, diagnostics, next) => next(uri, applySeverityOverrides(diagnostics, this.severity)),
        provideInlayHints: (document, range, token, next) =>
          vscode.workspace.getConfiguration(SECTION, document).get<boolean>("inlayHints.enabled", true)
            ? next(document, range, token)
            : [],
      },
    };
  }
}

/** The settings the server reads, as plain JSON (the same shape `workspace/configuration` answers). */
function settingsSnapshot(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    severity: config.get<unknown>("severity", {}),
    inlayHints: { enabled: config.get<boolean>("inlayHints.enabled", true) },
    trace: { server: config.get<string>("trace.server", "off") },
  };
}

function serverOptions(server: ServerCommand): ServerOptions {
  // No `transport`: with TransportKind.stdio the client would append `--stdio` to the arguments.
  const executable = { command: server.command, args: [...server.args] };
  return { run: executable, debug: executable };
}

async function showWithOutput(message: string, output: vscode.OutputChannel): Promise<void> {
  const show = "Show Output";
  if ((await vscode.window.showErrorMessage(message, show)) === show) {
    output.show(true);
  }
}
