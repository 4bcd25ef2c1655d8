"""Where the shared material is: `shared/` beside the checkout (as on developers' machines and in CI)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "real"
TOML_TEST = SHARED / "corpus" / "toml-test" / "tests"
ORACLE = SHARED / "tools" / "wrangler-oracle" / "oracle.sh"
