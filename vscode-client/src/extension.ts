/**
 * Entry point of the Wrangler LSP extension: starts the client, registers the
 * commands and reacts to setting changes.
 */

import * as path from "path";
import * as vscode from "vscode";
import { ExecuteCommandRequest } from "vscode-languageclient/node";

import { ClientManager, SECTION } from "./client";
import { EXPLAIN_COMMAND, EXPLAIN_SCHEME, explainErrorMessage, toExplanation } from "./explain";

const CONFIG_FILE = /(^|[\\/])wrangler\.(toml|json|jsonc)$/;

let manager: ClientManager | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("Wrangler LSP");
  manager = new ClientManager(output);
  const explanations = new ExplanationDocuments();

  context.subscriptions.push(
    output,
    manager,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    vscode.commands.registerCommand(`${SECTION}.restartServer`, () => manager?.restart()),
    vscode.commands.registerCommand(`${SECTION}.showOutput`, () => output.show(true)),
    vscode.commands.registerCommand(`${SECTION}.explainEnvironments`, (uri?: vscode.Uri) =>
      explainEnvironments(uri, explanations),
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.severity`)) {
        manager?.readSeverity();
      }
      if (event.affectsConfiguration(`${SECTION}.server`)) {
        output.appendLine("Server settings changed; restarting.");
        void manager?.restart();
      }
    }),
  );

  await manager.start();
}

export async function deactivate(): Promise<void> {
  await manager?.stop();
  manager = undefined;
}

/** Asks the server to explain the environments of a config and shows the answer read-only. */
async function explainEnvironments(given: vscode.Uri | undefined, documents: ExplanationDocuments): Promise<void> {
  const uri = given ?? vscode.window.activeTextEditor?.document.uri;
  if (uri === undefined || !CONFIG_FILE.test(uri.fsPath)) {
    void vscode.window.showInformationMessage("Open a wrangler.toml, wrangler.json or wrangler.jsonc file first.");
    return;
  }
  await manager?.start();
  const client = manager?.current;
  if (client === undefined) {
    void vscode.window.showWarningMessage("The wrangler-lsp server is not running.");
    return;
  }
  const advertised = client.initializeResult?.capabilities.executeCommandProvider?.commands.includes(EXPLAIN_COMMAND);
  if (advertised !== true) {
    void vscode.window.showInformationMessage(explainErrorMessage(undefined, false));
    return;
  }
  let result: unknown;
  try {
    result = await client.sendRequest(ExecuteCommandRequest.type, {
      command: EXPLAIN_COMMAND,
      arguments: [uri.toString()],
    });
  } catch (error) {
    void vscode.window.showErrorMessage(explainErrorMessage(error, true));
    return;
  }
  const explanation = toExplanation(result);
  const name = `Environments of ${path.basename(uri.fsPath)}${explanation.markdown ? ".md" : ".txt"}`;
  const shown = documents.put(name, explanation.text);
  const document = await vscode.workspace.openTextDocument(shown);
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

/** Read-only virtual documents holding explanations, refreshed in place when asked again. */
class ExplanationDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  put(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${name}` });
    this.texts.set(uri.toString(), text);
    this.changes.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }
}
