"""Hostile input over stdio: each case gets a defined answer in bounded time and the server stays up.

Every case starts a fresh server, feeds it one hostile input, requires an answer (diagnostics, an error
response, or a log line) within its time limit, then requires that the server still answers a hover on
a small document. The outcome and time of each case are printed at the end of the module (`pytest -s`)
and appended to `$WRANGLER_LSP_HOSTILE_REPORT` when set. The 50 MB file lives in
`bench/hostile.py`; here the large-file case uses 10 MB so that the module stays within CI's budget.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator

import pytest
from bench.lsp_client import RpcError

from tests.robustness.lsp import SyncServer

SMALL = "file:///hostile/small/wrangler.toml"
TOML = "file:///hostile/big/wrangler.toml"
JSONC = "file:///hostile/big/wrangler.jsonc"
RESULTS: list[tuple[str, str, float]] = []


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    lines = ["| input | outcome | time |", "|---|---|---|"]
    lines += [f"| {name} | {outcome} | {seconds * 1000:.0f} ms |" for name, outcome, seconds in RESULTS]
    print("\n" + "\n".join(lines))
    if report := os.environ.get("WRANGLER_LSP_HOSTILE_REPORT"):
        with open(report, "a") as out:
            out.write("\n".join(lines) + "\n")


@pytest.fixture
def server() -> Iterator[SyncServer]:
    srv = SyncServer(pull=True, timeout=20.0)
    yield srv
    if srv.alive():
        srv.stop()
    else:
        srv.loop.close()


def case(name: str, server: SyncServer, action: Callable[[], str], limit: float = 15.0) -> str:
    """Run `action` (which returns an outcome), time it, then check the server is up and error-free."""
    start = time.perf_counter()
    outcome = action()
    elapsed = time.perf_counter() - start
    RESULTS.append((name, outcome, elapsed))
    assert elapsed < limit, f"{name}: {elapsed:.1f} s"
    _still_up(server)
    return outcome


def _still_up(server: SyncServer) -> None:
    assert server.alive(), "server died"
    server.open(SMALL, '[vars]\nA = "1"\n')
    hover = server.request(
        "textDocument/hover", {"textDocument": {"uri": SMALL}, "position": {"line": 0, "character": 2}}
    )
    assert hover is None or "contents" in hover
    crashes = [m for m in server.errors() if m.startswith("wrangler-lsp:")]
    assert crashes == [], crashes[:1]
    server.close(SMALL)


def _diagnose(
    server: SyncServer, uri: str, text: str, timeout: float = 15, expect: list[str] | None = None
) -> Callable[[], str]:
    def action() -> str:
        server.open(uri, text)
        items = server.pull(uri, timeout=timeout)
        codes = sorted({str(d.get("code")) for d in items})
        if expect is not None:
            assert codes == expect, codes
        server.close(uri)
        return f"{len(items)} diagnostics {', '.join(codes[:4])}".strip()

    return action


def test_10_mb_file(server: SyncServer) -> None:
    from bench.generate import config

    text = config(440_000, "toml")
    assert len(text) > 10_000_000
    case("10 MB TOML file (440k lines)", server, _diagnose(server, TOML, text, 20, ["WL009"]), limit=20)


def test_million_element_array(server: SyncServer) -> None:
    text = 'name = "w"\n[vars]\nA = [' + "1," * 1_000_000 + "]\n"
    case("1,000,000-element array (TOML)", server, _diagnose(server, TOML, text, 5, ["WL009"]), limit=5)


def test_million_element_array_json(server: SyncServer) -> None:
    text = '{"name": "w", "vars": {"A": [' + "1," * 999_999 + "1]}}\n"
    case("1,000,000-element array (JSONC)", server, _diagnose(server, JSONC, text, 5, ["WL009"]), limit=5)


def test_deep_nesting_toml(server: SyncServer) -> None:
    text = "a = " + "[" * 100_000 + "]" * 100_000 + "\n"
    case("100,000-deep nesting (TOML arrays)", server, _diagnose(server, TOML, text))


def test_deep_nesting_toml_inline_tables(server: SyncServer) -> None:
    text = "a = " + "{ b = " * 100_000 + "1" + " }" * 100_000 + "\n"
    case("100,000-deep nesting (TOML inline tables)", server, _diagnose(server, TOML, text))


def test_deep_nesting_json(server: SyncServer) -> None:
    text = '{"vars": ' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "}\n"
    case("100,000-deep nesting (JSONC objects)", server, _diagnose(server, JSONC, text))


def test_nul_bytes_and_control_characters(server: SyncServer) -> None:
    text = 'name = "a\x00b"\n\x00\x01\x02 = 1\n[vars]\nA = "\x7f"\n'
    case("NUL bytes and control characters", server, _diagnose(server, TOML, text))


def test_binary_looking_text(server: SyncServer) -> None:
    text = bytes(range(256)).decode("latin-1") * 400
    case("binary bytes as text (100 KB)", server, _diagnose(server, TOML, text))


def test_lone_surrogate(server: SyncServer) -> None:
    def action() -> str:
        # json.dumps escapes the lone surrogate as \ud800, as a client written in JavaScript would send it.
        server.open(TOML, 'name = "\ud800"\n')
        return f"{len(server.pull(TOML))} diagnostics"

    case("lone UTF-16 surrogate in the text (JSON \\ud800)", server, action)


def test_extremely_long_line(server: SyncServer) -> None:
    text = 'name = "' + "x" * 5_000_000 + '"\n[vars]\nA = 1\n'

    def action() -> str:
        outcome = _diagnose(server, TOML, text)()
        server.open(TOML, text)
        at = {"line": 0, "character": 4_999_990}
        server.request("textDocument/hover", {"textDocument": {"uri": TOML}, "position": at})
        change = {"range": {"start": at, "end": at}, "text": "y"}
        server.client.notify(
            "textDocument/didChange", {"textDocument": {"uri": TOML, "version": 2}, "contentChanges": [change]}
        )
        server.pull(TOML)
        return outcome + "; hover and edit at column 4,999,990 answered"

    case("5 MB single line", server, action)


def test_positions_past_the_end(server: SyncServer) -> None:
    text = 'name = "w"\n[vars]\nA = "1"\n'

    def action() -> str:
        server.open(TOML, text)
        doc = {"uri": TOML}
        far = {"line": 1_000_000, "character": 1_000_000}
        hover = server.request("textDocument/hover", {"textDocument": doc, "position": far})
        wide = {"line": 0, "character": 10_000}
        server.request("textDocument/hover", {"textDocument": doc, "position": wide})
        rng = {"start": {"line": 0, "character": 0}, "end": far}
        server.request("textDocument/codeAction", {"textDocument": doc, "range": rng, "context": {"diagnostics": []}})
        server.request("textDocument/inlayHint", {"textDocument": doc, "range": rng})
        return f"hover {'null' if hover is None else 'answered'}; code action and inlay hints answered"

    case("requests with positions past the end", server, action)


def test_edit_past_the_end_is_clamped(server: SyncServer) -> None:
    text = 'name = "w"\n[vars]\nA = "1"\n'

    def action() -> str:
        server.open(TOML, text)
        far = {"line": 999, "character": 5}
        change = {"range": {"start": far, "end": far}, "text": "B = [\n"}
        server.client.notify(
            "textDocument/didChange", {"textDocument": {"uri": TOML, "version": 2}, "contentChanges": [change]}
        )
        edited = server.pull(TOML)
        fresh = "file:///hostile/fresh/wrangler.toml"
        server.open(fresh, text + "B = [\n")
        expected = server.pull(fresh)
        assert [d["range"] for d in edited] == [d["range"] for d in expected], "not clamped to the end"
        return "clamped to the end of the text"

    case("didChange with a range past the end", server, action)


def test_unknown_methods(server: SyncServer) -> None:
    def action() -> str:
        server.client.notify("wrangler/unknownNotification", {"x": 1})
        server.client.notify("$/unknown", None)
        with pytest.raises(RpcError) as error:
            server.request("wrangler/unknownRequest", {"x": 1})
        assert error.value.error["code"] == -32601
        return "request: MethodNotFound (-32601); notifications ignored"

    case("unknown methods", server, action)


@pytest.mark.parametrize(
    ("label", "frame"),
    [
        ("invalid JSON body", b"Content-Length: 5\r\n\r\n{bad}"),
        ("JSON array body", b"Content-Length: 2\r\n\r\n[]"),
        ("JSON number body", b"Content-Length: 2\r\n\r\n42"),
        ("object without method or id", b'Content-Length: 13\r\n\r\n{"jsonrpc":1}'),
        ("request with params of the wrong type", None),
        ("frame without Content-Length", b"X-Other: 1\r\n\r\n"),
        ("body not UTF-8", b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc"),
    ],
)
def test_malformed_frames(server: SyncServer, label: str, frame: bytes | None) -> None:
    def action() -> str:
        if frame is None:
            with pytest.raises(RpcError) as raised:
                server.request("textDocument/hover", {"textDocument": 5, "position": "x"})
            assert raised.value.error["code"] == -32602  # Invalid params
            return "error -32602 (Invalid params)"
        server.client.send_raw(frame)
        server.request(
            "textDocument/hover", {"textDocument": {"uri": SMALL}, "position": {"line": 0, "character": 0}}, timeout=10
        )
        logged = server.errors()
        return f"logged {logged[0]!r}; next request answered" if logged else "ignored; next request answered"

    case(f"malformed frame: {label}", server, action)


def test_cancel_in_flight_requests(server: SyncServer) -> None:
    from bench.generate import config

    def action() -> str:
        server.open(TOML, config(20_000, "toml"))
        outcomes = []
        for method, params in (
            ("textDocument/diagnostic", {"textDocument": {"uri": TOML}}),
            ("textDocument/hover", {"textDocument": {"uri": TOML}, "position": {"line": 9000, "character": 2}}),
        ):

            async def send_and_cancel(method: str = method, params: object = params) -> object:
                request_id, future = server.client.request_future(method, params)
                server.client.notify("$/cancelRequest", {"id": request_id})
                return await future

            try:
                server.call(send_and_cancel())
                outcomes.append(f"{method.split('/')[1]}: answered")
            except RpcError as error:
                assert error.error["code"] == -32800
                outcomes.append(f"{method.split('/')[1]}: RequestCancelled (-32800)")
        # The pull parses 20k lines for over a second: the cancel is read at its next checkpoint at the
        # latest. A hover may be answered before its cancel is read (`tests/e2e/test_cancel.py` queues).
        assert outcomes[0] == "diagnostic: RequestCancelled (-32800)", outcomes
        return "; ".join(outcomes)

    case("$/cancelRequest of in-flight requests", server, action)


def test_exit_without_shutdown() -> None:
    srv = SyncServer(pull=True)
    start = time.perf_counter()
    srv.client.notify("exit")
    code = srv.call(srv.client.wait_exit(10))
    elapsed = time.perf_counter() - start
    srv.loop.close()
    RESULTS.append(("exit without shutdown", f"exit code {code}", elapsed))
    assert code == 1, "LSP: exit without shutdown ends with code 1"
    assert elapsed < 5


def test_unsupported_file_is_skipped_with_a_log_line(server: SyncServer) -> None:
    def action() -> str:
        item = {"uri": "file:///hostile/wrangler.yaml", "languageId": "yaml", "version": 1, "text": "name: w\n"}
        server.client.notify("textDocument/didOpen", {"textDocument": item})
        report = server.request("textDocument/diagnostic", {"textDocument": {"uri": "file:///hostile/wrangler.yaml"}})
        logged = [log["message"] for log in server.client.logs if "wrangler.yaml" in log["message"]]
        assert logged
        return f"skipped, logged; pull answers {len(report['items'])} items"

    case("a file that is neither TOML nor JSON", server, action)
