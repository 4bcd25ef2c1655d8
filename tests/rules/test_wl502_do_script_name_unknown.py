"""WL502: a binding's `script_name` matches no Worker of the workspace (information)."""

from __future__ import annotations

from tests.rules.cross_worker_helpers import check_cross_worker
from wrangler_lsp.rules.cross_worker import wl502_do_script_name_unknown as wl502
from wrangler_lsp.syntax import Severity

ROOMS = {"file:///repo/rooms/wrangler.toml": 'name = "rooms"\n[env.staging]\n'}
API = 'name = "api"\n[env.x]\n[[durable_objects.bindings]]\nname = "R"\nclass_name = "C"\nscript_name = "{script}"\n'


def test_unknown_script_name() -> None:
    assert check_cross_worker(wl502.check, API.format(script="room"), ROOMS) == [
        ("WL502", '"room"', "No Worker of the workspace is named `room` (it may live outside the workspace)")
    ]
    assert wl502.check.severity is Severity.INFORMATION


def test_known_names_env_names_and_own_names_are_fine() -> None:
    for script in ("rooms", "rooms-staging", "api", "api-x"):
        assert check_cross_worker(wl502.check, API.format(script=script), ROOMS) == [], script
