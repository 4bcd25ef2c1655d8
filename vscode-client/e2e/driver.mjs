// Drives a running code-server with Playwright (Debian's Chromium) through the scenarios of scenarios.mjs.
//
// Environment (run.sh sets it): E2E_BASE_URL, E2E_WORKSPACE (folder to open), E2E_SCREENSHOTS (folder),
// CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT_MS (per wait, default 45000).
// Prints one line per step with its time and, at the end, "N passed, N failed"; exits 1 on any failure.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

import { selectScenarios } from "./scenarios.mjs";

const BASE = required("E2E_BASE_URL");
const WORKSPACE = required("E2E_WORKSPACE");
const SHOTS = required("E2E_SCREENSHOTS");
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 45_000);
const SHORT = 10_000;

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set (run e2e/run.sh)`);
  }
  return value;
}

const t0 = Date.now();
const since = (start) => `${((Date.now() - start) / 1000).toFixed(1)}s`;
const log = (line) => console.log(`[e2e ${since(t0).padStart(6)}] ${line}`);
/** Monaco renders spaces as U+00A0 in view lines. */
const norm = (text) => (text ?? "").replace(/\u00a0/g, " ");

mkdirSync(SHOTS, { recursive: true });
const scenarios = selectScenarios();
log(`scenarios: ${scenarios.map((s) => s.name).join(", ") || "(none)"}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(TIMEOUT);

let passed = 0;
let failed = 0;
try {
  let start = Date.now();
  await page.goto(`${BASE}/?folder=${encodeURIComponent(WORKSPACE)}`);
  await page.locator(".monaco-workbench").waitFor();
  await page.getByRole("treeitem").first().waitFor();
  log(`workbench ready (${since(start)})`);

  for (const scenario of scenarios) {
    start = Date.now();
    try {
      await openFile(scenario.file);
      log(`${scenario.name}: opened ${scenario.file} (${since(start)})`);
      for (const step of scenario.steps) {
        const stepStart = Date.now();
        const what = await runStep(scenario, step);
        log(`${scenario.name}: ${what} (${since(stepStart)})`);
      }
      await page.screenshot({ path: join(SHOTS, `${scenario.name}.png`) });
      passed += 1;
      log(`PASS ${scenario.name} (${since(start)})`);
    } catch (error) {
      failed += 1;
      log(`FAIL ${scenario.name} (${since(start)}): ${String(error?.message ?? error).split("\n")[0]}`);
      await page.screenshot({ path: join(SHOTS, `${scenario.name}-FAILED.png`) }).catch(() => {});
      await dumpEditorState();
      await page.keyboard.press("Escape").catch(() => {});
    }
  }
} catch (error) {
  failed += 1;
  log(`FAIL setup: ${error?.stack ?? error}`);
  await page.screenshot({ path: join(SHOTS, "setup-FAILED.png") }).catch(() => {});
} finally {
  await browser.close();
}
log(`total ${since(t0)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

// ---------------------------------------------------------------------------------------------

async function runStep(scenario, step) {
  if (step.squiggle !== undefined) {
    await expectSquiggle(step.squiggle, step.line);
    return `squiggle ${step.squiggle}${step.line ? ` on "${step.line}"` : ""}`;
  }
  if (step.problem !== undefined) {
    const label = await expectProblem(scenario.file, step);
    return `problem: ${label}`;
  }
  if (step.hover !== undefined) {
    const text = await expectHover(step.hover, step.expect);
    return `hover: ${text.replace(/\s+/g, " ").slice(0, 120)}`;
  }
  if (step.quickfix !== undefined) {
    const title = await applyQuickFix(step.quickfix, step.title, step.expectLine);
    return `quick fix applied: ${title}`;
  }
  if (step.command !== undefined) {
    await runCommand(step.command);
    const tab = page.locator(".tab").filter({ hasText: step.expectTab }).first();
    await tab.waitFor();
    const shown = page.locator(".editor-instance .monaco-editor .view-lines").filter({ hasText: step.expectText });
    await shown.first().waitFor();
    return `${step.command}: tab "${norm(await tab.innerText()).replace(/\s+/g, " ").trim()}" shows "${step.expectText}"`;
  }
  throw new Error(`unknown step ${JSON.stringify(step)}`);
}

async function runCommand(title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  // Rows show "Category: Title" or just "Title": match on the title.
  const label = title.split(": ").at(-1);
  await page.locator(".quick-input-list .monaco-list-row").filter({ hasText: label }).first().waitFor();
  await page.keyboard.press("Enter");
}

function editor() {
  return page.locator(".editor-instance .monaco-editor").first();
}

/** Opens a workspace file through the explorer: collapse all, expand its folders, click it. */
async function openFile(relative) {
  await runCommand("View: Close All Editors");
  await runCommand("File: Collapse Folders in Explorer");
  const parts = relative.split("/");
  const explorer = page.locator(".explorer-folders-view");
  for (const [i, part] of parts.entries()) {
    const item = explorer.getByRole("treeitem", { name: part, exact: true }).first();
    await item.waitFor();
    if (i < parts.length - 1) {
      if ((await item.getAttribute("aria-expanded")) !== "true") {
        await item.click();
      }
    } else {
      await item.click();
    }
  }
  await page.locator(".tab.active").filter({ hasText: parts.at(-1) }).first().waitFor();
  await editor().locator(".view-line").first().waitFor();
}

/** The n-th (1-based) view line containing `text`. */
async function viewLine(text, occurrence = 1) {
  const lines = editor().locator(".view-lines .view-line");
  await lines.first().waitFor();
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const matches = [];
    for (const line of await lines.all()) {
      if (norm(await line.textContent()).includes(text)) {
        matches.push(line);
      }
    }
    // View lines are absolutely positioned: order them by their top.
    const boxes = await Promise.all(matches.map(async (line) => ({ line, box: await line.boundingBox() })));
    boxes.sort((a, b) => (a.box?.y ?? 0) - (b.box?.y ?? 0));
    if (boxes.length >= occurrence) {
      return boxes[occurrence - 1];
    }
    if (Date.now() > deadline) {
      throw new Error(`no line #${occurrence} containing ${JSON.stringify(text)}`);
    }
    await page.waitForTimeout(200);
  }
}

async function expectSquiggle(kind, lineText) {
  const squiggles = editor().locator(`.squiggly-${kind}`);
  await squiggles.first().waitFor({ state: "attached" });
  if (lineText === undefined) {
    return;
  }
  const { box } = await viewLine(lineText);
  const deadline = Date.now() + SHORT;
  for (;;) {
    for (const squiggle of await squiggles.all()) {
      const s = await squiggle.boundingBox();
      const centre = s ? s.y + s.height / 2 : -1;
      if (box && centre >= box.y - 2 && centre <= box.y + box.height + 2) {
        return;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`a ${kind} squiggle shows, but not on the line containing ${JSON.stringify(lineText)}`);
    }
    await page.waitForTimeout(200);
  }
}

/** Finds the file's marker rows in the Problems view (rows after its resource row) and matches one. */
async function expectProblem(file, step) {
  await runCommand("Problems: Focus on Problems View");
  const rows = page.locator(".markers-panel .monaco-list-row");
  await rows.first().waitFor();
  const folder = file.split("/").slice(0, -1).join("/");
  const name = file.split("/").at(-1);
  const deadline = Date.now() + TIMEOUT;
  let seen = [];
  for (;;) {
    const all = [];
    for (const row of await rows.all()) {
      all.push({
        index: Number(await row.getAttribute("data-index")),
        level: await row.getAttribute("aria-level"),
        label: `${norm(await row.getAttribute("aria-label"))} | ${norm(await row.innerText()).replace(/\s+/g, " ")}`,
      });
    }
    all.sort((a, b) => a.index - b.index);
    seen = all.map((r) => r.label);
    let inFile = false;
    for (const row of all) {
      if (row.level === "1") {
        inFile = row.label.includes(name) && (folder === "" || row.label.includes(folder));
        continue;
      }
      if (inFile && problemMatches(row.label, step)) {
        await page.keyboard.press("Escape");
        await editor().click({ position: { x: 5, y: 5 } }).catch(() => {});
        return row.label;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no problem in ${file} matching ${step.problem}; rows: ${JSON.stringify(seen)}`);
    }
    await page.waitForTimeout(250);
  }
}

function problemMatches(label, step) {
  return (
    step.problem.test(label) &&
    (step.severity === undefined || label.includes(step.severity)) &&
    (step.source === undefined || label.includes(step.source)) &&
    (step.code === undefined || label.includes(step.code)) &&
    (step.line === undefined || label.includes(`at line ${step.line} `))
  );
}

/** The bounding box of `word` within a view line. */
async function wordBox(where) {
  const { line } = await viewLine(where.line, where.occurrence ?? 1);
  const span = line.locator("span > span").filter({ hasText: where.word }).first();
  const box = (await span.count()) > 0 ? await span.boundingBox() : await line.boundingBox();
  if (!box) {
    throw new Error(`cannot locate ${JSON.stringify(where)}`);
  }
  // Aim at the word itself inside the token span.
  const text = norm(await span.textContent().catch(() => ""));
  const at = text.indexOf(where.word);
  const charWidth = text.length > 0 ? box.width / text.length : 0;
  const x = at >= 0 ? box.x + charWidth * (at + where.word.length / 2) : box.x + box.width / 2;
  return { x, y: box.y + box.height / 2 };
}

async function expectHover(where, expected) {
  const { x, y } = await wordBox(where);
  const hover = page.locator(".monaco-hover:visible");
  const deadline = Date.now() + TIMEOUT;
  let last = "";
  for (;;) {
    await page.mouse.move(x, y + 40);
    await page.mouse.move(x, y);
    try {
      await hover.first().waitFor({ timeout: 3_000 });
      last = norm(await hover.first().innerText());
      if (expected.test(last)) {
        return last;
      }
    } catch {
      // No hover yet: the server may still be starting.
    }
    if (Date.now() > deadline) {
      throw new Error(`hover does not match ${expected}; last hover: ${JSON.stringify(last)}`);
    }
    await page.waitForTimeout(500);
  }
}

async function applyQuickFix(where, title, expectLine) {
  const { x, y } = await wordBox(where);
  const rows = page.locator(".action-widget .monaco-list-row");
  const deadline = Date.now() + TIMEOUT;
  let offered = [];
  for (let attempt = 0; ; attempt += 1) {
    await page.mouse.click(x, y);
    if (attempt % 2 === 1) {
      // Every other try, go to the next problem first: the fix may hang on a diagnostic elsewhere.
      await runCommand("Go to Next Problem in Files (Error, Warning, Info)");
      await page.keyboard.press("Escape");
    }
    await page.keyboard.press("Control+.");
    try {
      await rows.first().waitFor({ timeout: 3_000 });
      offered = (await rows.allInnerTexts()).map(norm);
      const match = rows.filter({ hasText: title }).first();
      if ((await match.count()) > 0) {
        const chosen = norm(await match.innerText());
        await match.click();
        await viewLine(expectLine);
        // Leave the fixture as it was: a modified editor would ask "save changes?" when closed.
        await runCommand("File: Revert File");
        return chosen;
      }
    } catch (error) {
      if (String(error).includes("no line #")) {
        throw new Error(`applied the fix, but no line contains ${JSON.stringify(expectLine)}`);
      }
    }
    await page.keyboard.press("Escape");
    if (Date.now() > deadline) {
      throw new Error(`no code action matching ${title}; offered: ${JSON.stringify(offered)}`);
    }
    await page.waitForTimeout(500);
  }
}

async function dumpEditorState() {
  try {
    const lines = await editor().locator(".view-line").allTextContents();
    const squiggles = await editor().locator("[class*=squiggly-]").evaluateAll((els) => els.map((e) => e.className));
    log(`  editor lines: ${JSON.stringify(lines.map(norm))}`);
    log(`  squiggles: ${JSON.stringify(squiggles)}`);
    const status = await page.locator('[id="status.problems"]').innerText().catch(() => "?");
    log(`  status bar problems: ${status.replace(/\s+/g, " ")}`);
  } catch (error) {
    log(`  (could not read the editor: ${error})`);
  }
}
