"""The catalogue of wrangler's configuration keys: scopes, value types, docs, binding kinds.

One table of literal data drives rules (scope, type and inheritance checks), hover (docs, URL) and
completion (key names, enum values). It describes **wrangler 4.164.0**, the version of the stored oracle
results (`tests/conformance/oracle/`); `tests/unit/model/test_keys.py` checks it against that version's
`config-schema.json` (snapshot in `tests/conformance/oracle/schema-keys.json`).

Scopes follow `shared/reference/wrangler-config-rules.md` section 2, with the differences of 4.164.0
against the 4.125.0 sources the reference was read from: `websearch` is gone (an unknown field now), and
`analytics` (after `browser`) and `k2` (after `pipelines`) are new non-inheritable keys. The order of
`non_inheritable_in_order()` is wrangler's processing order, so its "not inherited" warnings come in it.

Binding kinds give the key that holds each binding's name and the display name wrangler uses in its
duplicate-name errors ("X assigned to multiple KV Namespace bindings"); the names are copied from
`friendlyBindingNames` in wrangler 4.164.0's `wrangler-dist/cli.js`. Docs are condensed from the schema's
`markdownDescription`s; URLs use an anchor only where the schema's own "For reference" link names one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

DOCS_PAGE = "https://developers.cloudflare.com/workers/wrangler/configuration/"
WRANGLER_VERSION = "4.164.0"


class Scope(Enum):
    """Where a key may be written and whether `env.X` falls back to the top-level value."""

    INHERITABLE = "inheritable"
    """Top level or env; an env without the key uses the top-level value (whole-value replacement)."""
    NON_INHERITABLE = "non-inheritable"
    """Top level or env; an env without the key gets an empty default and wrangler warns (N1)."""
    TOP_LEVEL_ONLY = "top-level only"
    """Top level only; inside `env.X` it is an unknown field and ignored."""
    ENVIRONMENTS = "environments"
    """The `env` table itself: named environments."""
    REMOVED = "removed"
    """No longer supported; wrangler reports an error (`legacy_env`, `node_compat`)."""


class ValueType(Enum):
    """The shape a key's value must have, coarse enough for a type check and completion."""

    STRING = "string"
    BOOLEAN = "boolean"
    INTEGER = "integer"
    STRING_ARRAY = "array of strings"
    ARRAY = "array"
    """An array whose items may be strings or tables (`routes`)."""
    TABLE = "table"
    TABLE_ARRAY = "array of tables"
    STRING_MAP = "table of strings"
    STRING_OR_TABLE = "string or table"


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """One top-level or env key."""

    name: str
    scope: Scope
    type: ValueType
    doc: str
    """One line, at most 200 characters."""
    url: str
    enum: tuple[str, ...] = ()


class BindingShape(Enum):
    """How a binding kind spells its bindings, which is where wrangler reads their names."""

    ARRAY = "array"
    """An array of tables, one binding each (`kv_namespaces = [{binding = ...}]`)."""
    BINDINGS_LIST = "bindings list"
    """A table with a `bindings` array (`durable_objects.bindings`, `unsafe.bindings`)."""
    SINGLE = "single"
    """One table that is one binding (`ai = {binding = "AI"}`)."""
    MAP = "map"
    """A table whose keys are the binding names (`vars`, `wasm_modules`)."""
    STRING_LIST = "string list"
    """A list of names (`secrets.required`)."""


@dataclass(frozen=True, slots=True)
class BindingKind:
    """One kind of binding, as wrangler's binding-name uniqueness check sees it."""

    key: str
    """The key path of the binding container, e.g. `queues.producers` or `durable_objects.bindings`."""
    shape: BindingShape
    name_key: str | None
    """The field holding a binding's name (`binding`, `name`), None for MAP and STRING_LIST kinds."""
    display: str
    """Wrangler's display name: "<NAME> assigned to multiple <display> bindings"."""
    unique_checked: bool = True
    """False where wrangler's check cannot see the names (arrays keyed by `name`, see below)."""


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """One field of a nested entry (a Durable Object binding, a migration)."""

    name: str
    type: ValueType
    doc: str
    required: bool = False
    warned: bool = False
    """Accepted by wrangler's type check but reported as an unexpected field (DO binding `remote`)."""


def _url(anchor: str | None) -> str:
    return DOCS_PAGE if anchor is None else f"{DOCS_PAGE}#{anchor}"


_I, _N, _T = Scope.INHERITABLE, Scope.NON_INHERITABLE, Scope.TOP_LEVEL_ONLY
_S, _B, _SA, _A = ValueType.STRING, ValueType.BOOLEAN, ValueType.STRING_ARRAY, ValueType.ARRAY
_TB, _TA, _SM, _ST = ValueType.TABLE, ValueType.TABLE_ARRAY, ValueType.STRING_MAP, ValueType.STRING_OR_TABLE


def _k(
    name: str, scope: Scope, type_: ValueType, doc: str, anchor: str | None = None, enum: tuple[str, ...] = ()
) -> KeyInfo:
    return KeyInfo(name, scope, type_, doc, _url(anchor), enum)


_NI = "; not inherited: repeat it in every env"

# fmt: off
_INHERITABLE: tuple[KeyInfo, ...] = (
    _k("name", _I, _S, "The name of the Worker: lowercase letters, digits, `_` and `-`. An env without "
       "its own `name` deploys as `<name>-<env>`"),
    _k("account_id", _I, _S, "The ID of the account to deploy to (else CLOUDFLARE_ACCOUNT_ID or the "
       "logged-in account's). Use the account of the zone/routes you configure"),
    _k("compatibility_date", _I, _S, "A date (yyyy-mm-dd) that selects the version of the Workers runtime"),
    _k("compatibility_flags", _I, _SA, "Flags that enable upcoming runtime features, usually together with "
       "`compatibility_date` (e.g. `nodejs_compat`)"),
    _k("main", _I, _S, "The entry point: path to the JavaScript/TypeScript module that will be executed"),
    _k("find_additional_modules", _I, _B, "Include files below `base_dir` that match `rules` in the Worker. "
       "Defaults to true if `no_bundle` is true, else false"),
    _k("preserve_file_names", _I, _B, "Keep bundled file names instead of `${fileHash}-${basename}`. "
       "Defaults to false"),
    _k("base_dir", _I, _S, "Directory in which module `rules` are evaluated when including additional files; "
       "defaults to the directory of `main`"),
    _k("workers_dev", _I, _B, "Whether the Worker is served on `<name>.<subdomain>.workers.dev`",
       "workersdev"),
    _k("preview_urls", _I, _B, "Whether Preview URLs `<version>-<name>.<subdomain>.workers.dev` serve "
       "the Worker"),
    _k("route", _I, _ST, "One route to publish the Worker to, like `routes` but a single one. Only one of "
       "`route` or `routes` is needed"),
    _k("routes", _I, _A, "Routes to publish the Worker to (patterns, zone routes or custom domains). Only "
       "one of `routes` or `route` is needed", "types-of-routes"),
    _k("tsconfig", _I, _S, "Path to a custom tsconfig"),
    _k("jsx_factory", _I, _S, "The function used to replace JSX syntax (default `React.createElement`)"),
    _k("jsx_fragment", _I, _S, "The function used to replace JSX fragment syntax (default `React.Fragment`)"),
    _k("rules", _I, _TA, "Ordered rules that say which modules to import and as what type (Text, Data, "
       "CompiledWasm, ESModule, ...)", "bundling"),
    _k("build", _I, _TB, "A custom build step that Wrangler runs before bundling the Worker",
       "custom-builds"),
    _k("triggers", _I, _TB, "What triggers the Worker besides requests: cron schedules (`crons`) and "
       "Cloudflare events", "triggers"),
    _k("limits", _I, _TB, "Runtime limits such as `cpu_ms` and `subrequests`", "limits"),
    _k("placement", _I, _TB, "Where the Worker runs to minimize round-trip time (Smart Placement)"),
    _k("assets", _I, _TB, "Static assets to deploy and serve with the Worker: `directory`, optional "
       "`binding` and routing options", "assets"),
    _k("migrations", _I, _TA, "Durable Object migrations, applied in list order: `tag` plus new, renamed, "
       "deleted or transferred classes. Exclusive with DO `exports`"),
    _k("exports", _I, _TB, "Declarative exports: a map of class name to export configuration. Durable "
       "Objects declared here are mutually exclusive with `migrations`"),
    _k("no_bundle", _I, _B, "Skip internal build steps and deploy the script directly"),
    _k("minify", _I, _B, "Minify the script before uploading"),
    _k("keep_names", _I, _B, "Keep the original `name` of functions and classes renamed during minification"),
    _k("first_party_worker", _I, _B, "Designates this Worker as an internal-only \"first-party\" Worker"),
    _k("logfwdr", _I, _TB, "Bindings that the Worker sends to logfwdr"),
    _k("logpush", _I, _B, "Send Trace Events from this Worker to Workers Logpush (the Logpush job is not "
       "created automatically)"),
    _k("upload_source_maps", _I, _B, "Include source maps when uploading the Worker", "source-maps"),
    _k("observability", _I, _TB, "Observability settings of the Worker: logs, traces, sampling rate",
       "observability"),
    _k("access", _I, _TB, "Cloudflare Access authentication behaviour of the Worker"),
    _k("cache", _I, _TB, "Cache behaviour of the Worker"),
    _k("compliance_region", _I, _S, "Compliance region of the Worker: `public` (the default) or "
       "`fedramp_high`", enum=("public", "fedramp_high")),
    _k("python_modules", _I, _TB, "Configuration for Python modules"),
    _k("previews", _I, _TB, "Settings used for Worker Preview deployments (`wrangler preview`)", "previews"),
)

_NON_INHERITABLE: tuple[KeyInfo, ...] = (
    _k("vars", _N, _TB, "Environment variables set on deploy" + _NI, "environment-variables"),
    _k("secrets", _N, _TB, "Secrets configuration: the secret names the Worker requires" + _NI,
       "secrets-configuration-property"),
    _k("define", _N, _SM, "Values substituted into the code when bundling" + _NI),
    _k("durable_objects", _N, _TB, "Durable Object bindings (`bindings = [{name, class_name, script_name?}]`)"
       + _NI),
    _k("workflows", _N, _TA, "Workflow bindings" + _NI),
    _k("kv_namespaces", _N, _TA, "Workers KV namespace bindings" + _NI, "kv-namespaces"),
    _k("cloudchamber", _N, _TB, "Cloudchamber configuration" + _NI),
    _k("containers", _N, _TA, "Container applications" + _NI),
    _k("send_email", _N, _TA, "Bindings to send email from the Worker" + _NI, "email-bindings"),
    _k("queues", _N, _TB, "Queue producers and consumers" + _NI, "queues"),
    _k("connect", _N, _TA, "Raw sockets the Worker listens on, delivered to its `connect` handler" + _NI),
    _k("r2_buckets", _N, _TA, "R2 bucket bindings" + _NI, "r2-buckets"),
    _k("d1_databases", _N, _TA, "D1 database bindings" + _NI, "d1-databases"),
    _k("vectorize", _N, _TA, "Vectorize index bindings" + _NI, "vectorize-indexes"),
    _k("ai_search_namespaces", _N, _TA, "AI Search namespace bindings" + _NI),
    _k("ai_search", _N, _TA, "AI Search instance bindings (instances of the \"default\" namespace)" + _NI),
    _k("agent_memory", _N, _TA, "Agent Memory namespace bindings" + _NI),
    _k("hyperdrive", _N, _TA, "Hyperdrive config bindings" + _NI, "hyperdrive"),
    _k("services", _N, _TA, "Service bindings (Worker-to-Worker)" + _NI, "service-bindings"),
    _k("analytics_engine_datasets", _N, _TA, "Analytics Engine dataset bindings" + _NI,
       "analytics-engine-datasets"),
    _k("dispatch_namespaces", _N, _TA, "Dispatch namespace bindings (Workers for Platforms)" + _NI,
       "dispatch-namespace-bindings-workers-for-platforms"),
    _k("mtls_certificates", _N, _TA, "mTLS certificate bindings" + _NI, "mtls-certificates"),
    _k("tail_consumers", _N, _TA, "Tail Workers that receive this Worker's events" + _NI),
    _k("streaming_tail_consumers", _N, _TA, "Streaming Tail Workers of this Worker" + _NI),
    _k("unsafe", _N, _TB, "\"Unsafe\" bindings and metadata for features Wrangler does not support "
       "directly (experimental)" + _NI),
    _k("browser", _N, _TB, "Browser Rendering binding" + _NI, "browser-rendering"),
    _k("analytics", _N, _TB, "Analytics SQL binding" + _NI),
    _k("ai", _N, _TB, "Workers AI binding" + _NI, "workers-ai"),
    _k("images", _N, _TB, "Cloudflare Images binding" + _NI, "images"),
    _k("stream", _N, _TB, "Cloudflare Stream binding" + _NI),
    _k("media", _N, _TB, "Media Transformations binding" + _NI),
    _k("pipelines", _N, _TA, "Pipeline bindings" + _NI),
    _k("k2", _N, _TA, "K2 stream producer bindings" + _NI),
    _k("secrets_store_secrets", _N, _TA, "Secrets Store secret bindings" + _NI),
    _k("artifacts", _N, _TA, "Artifacts bindings (git-compatible file storage)" + _NI),
    _k("unsafe_hello_world", _N, _TA, "Hello World example binding: do not use" + _NI),
    _k("flagship", _N, _TA, "Flagship feature flag bindings" + _NI),
    _k("worker_loaders", _N, _TA, "Worker Loader bindings" + _NI),
    _k("ratelimits", _N, _TA, "Rate limit bindings" + _NI),
    _k("vpc_services", _N, _TA, "VPC service bindings" + _NI),
    _k("vpc_networks", _N, _TA, "VPC network bindings" + _NI),
    _k("version_metadata", _N, _TB, "Binding to the Worker version's metadata" + _NI),
)

_TOP_LEVEL_ONLY: tuple[KeyInfo, ...] = (
    _k("$schema", _T, _S, "Path or URL of the JSON schema used by editors for this file"),
    _k("send_metrics", _T, _B, "Whether Wrangler sends usage metrics to Cloudflare for this project "
       "(overrides the user's preference)"),
    _k("dependencies_instrumentation", _T, _TB, "Whether Wrangler sends npm dependency metadata on upload "
       "(`enabled`, `exclude_packages`)"),
    _k("dev", _T, _TB, "Options of the local development server (`ip`, `port`, `local_protocol`, ...)",
       "local-development-settings"),
    _k("site", _T, _TB, "A Workers Site (static assets uploaded with the Worker); needs `bucket`",
       "workers-sites"),
    _k("wasm_modules", _T, _SM, "Legacy bindings to wasm modules (binding name -> path); ES module "
       "Workers import them instead"),
    _k("text_blobs", _T, _SM, "Legacy bindings to text files (binding name -> path); ES module Workers "
       "import them instead"),
    _k("data_blobs", _T, _SM, "Legacy bindings to data files (binding name -> path); ES module Workers "
       "import them instead"),
    _k("alias", _T, _SM, "Module aliases (esbuild `alias`): swap a module for another", "module-aliasing"),
    _k("keep_vars", _T, _B, "Keep variables set in the dashboard on deploy instead of overriding them "
       "with the config"),
    _k("addresses", _T, _SA, "Inbound email addresses routed to this Worker (`user@domain` or `*@domain`); "
       "applies to every env"),
    _k("pages_build_output_dir", _T, _S, "Directory of static assets to serve; its presence marks a Pages "
       "project and switches to Pages validation"),
)

_OTHER: tuple[KeyInfo, ...] = (
    KeyInfo("env", Scope.ENVIRONMENTS, _TB, "Named environments; each overrides inheritable keys and must "
            "repeat non-inheritable ones. Deployed as `<name>-<env>`", "https://developers.cloudflare.com"
            "/workers/wrangler/environments/"),
    _k("legacy_env", Scope.REMOVED, _B, "Removed in wrangler 4.111: service environments are gone and each "
       "env deploys as `<name>-<env>`; remove the field"),
    _k("node_compat", Scope.REMOVED, _B, "Removed in wrangler v4: use the `nodejs_compat` compatibility "
       "flag instead"),
)
# fmt: on

KEYS: tuple[KeyInfo, ...] = _INHERITABLE + _NON_INHERITABLE + _TOP_LEVEL_ONLY + _OTHER
"""Every known key: inheritable, then non-inheritable in wrangler's order, top-level only, the rest."""

_BY_NAME: dict[str, KeyInfo] = {info.name: info for info in KEYS}


def key_info(name: str) -> KeyInfo | None:
    """The catalogue entry of a top-level or env key, or None for an unknown key."""
    return _BY_NAME.get(name)


def all_keys() -> tuple[KeyInfo, ...]:
    """Every catalogued key (including `env` and the removed ones), in catalogue order."""
    return tuple(_BY_NAME.values())


def top_level_keys() -> tuple[KeyInfo, ...]:
    """Keys wrangler accepts at the top level (removed keys excluded)."""
    return tuple(info for info in _BY_NAME.values() if info.scope is not Scope.REMOVED)


def env_keys() -> tuple[KeyInfo, ...]:
    """Keys wrangler accepts inside `env.X`: the inheritable and the non-inheritable ones."""
    in_env = (Scope.INHERITABLE, Scope.NON_INHERITABLE)
    return tuple(info for info in _BY_NAME.values() if info.scope in in_env)


def non_inheritable_in_order() -> tuple[str, ...]:
    """Non-inheritable key names in wrangler's processing order (its N1 warnings come in this order)."""
    return tuple(info.name for info in _NON_INHERITABLE)


def inheritable_keys() -> tuple[str, ...]:
    """Inheritable key names (an env without them uses the top-level value)."""
    return tuple(info.name for info in _INHERITABLE)


def top_level_only_keys() -> tuple[str, ...]:
    """Keys that are valid only at the top level (ignored with an unknown-field warning in an env)."""
    return tuple(info.name for info in _TOP_LEVEL_ONLY)


def binding_kinds() -> tuple[BindingKind, ...]:
    """Every binding kind in wrangler's order of `friendlyBindingNames`, then `secrets.required`."""
    return BINDING_KINDS


def binding_kind(key: str) -> BindingKind | None:
    """The binding kind of a container key path such as `kv_namespaces` or `queues.producers`."""
    return _BINDING_BY_KEY.get(key)


# Order and display names: `friendlyBindingNames` in wrangler 4.164.0 `wrangler-dist/cli.js`, plus
# "Secret" for `secrets.required` (added by `validateBindingsHaveUniqueNames`). Wrangler reads names with
# `getBindingNames`: arrays only when every entry has a string `binding` (so `send_email` and
# `ratelimits`, keyed by `name`, are never checked), single tables by `binding`, maps by their keys.
_AR, _BL, _SG, _MP = BindingShape.ARRAY, BindingShape.BINDINGS_LIST, BindingShape.SINGLE, BindingShape.MAP

# fmt: off
BINDING_KINDS: tuple[BindingKind, ...] = (
    BindingKind("data_blobs", _MP, None, "Data Blob"),
    BindingKind("durable_objects.bindings", _BL, "name", "Durable Object"),
    BindingKind("kv_namespaces", _AR, "binding", "KV Namespace"),
    BindingKind("send_email", _AR, "name", "Send Email", unique_checked=False),
    BindingKind("queues.producers", _AR, "binding", "Queue"),
    BindingKind("d1_databases", _AR, "binding", "D1 Database"),
    BindingKind("vectorize", _AR, "binding", "Vectorize Index"),
    BindingKind("ai_search_namespaces", _AR, "binding", "AI Search Namespace"),
    BindingKind("ai_search", _AR, "binding", "AI Search Instance"),
    BindingKind("agent_memory", _AR, "binding", "Agent Memory"),
    BindingKind("hyperdrive", _AR, "binding", "Hyperdrive Config"),
    BindingKind("r2_buckets", _AR, "binding", "R2 Bucket"),
    BindingKind("logfwdr.bindings", _BL, "name", "logfwdr"),
    BindingKind("services", _AR, "binding", "Worker"),
    BindingKind("analytics_engine_datasets", _AR, "binding", "Analytics Engine Dataset"),
    BindingKind("text_blobs", _MP, None, "Text Blob"),
    BindingKind("browser", _SG, "binding", "Browser Run"),
    BindingKind("analytics", _SG, "binding", "Analytics SQL"),
    BindingKind("ai", _SG, "binding", "AI"),
    BindingKind("images", _SG, "binding", "Images"),
    BindingKind("stream", _SG, "binding", "Stream"),
    BindingKind("media", _SG, "binding", "Media"),
    BindingKind("version_metadata", _SG, "binding", "Worker Version Metadata"),
    BindingKind("unsafe.bindings", _BL, "name", "Unsafe Metadata"),
    BindingKind("vars", _MP, None, "Environment Variable"),
    BindingKind("wasm_modules", _MP, None, "Wasm Module"),
    BindingKind("dispatch_namespaces", _AR, "binding", "Dispatch Namespace"),
    BindingKind("mtls_certificates", _AR, "binding", "mTLS Certificate"),
    BindingKind("workflows", _AR, "binding", "Workflow"),
    BindingKind("pipelines", _AR, "binding", "Pipeline"),
    BindingKind("k2", _AR, "binding", "K2 Stream"),
    BindingKind("secrets_store_secrets", _AR, "binding", "Secrets Store Secret"),
    BindingKind("artifacts", _AR, "binding", "Artifacts"),
    BindingKind("ratelimits", _AR, "name", "Rate Limit", unique_checked=False),
    BindingKind("assets", _SG, "binding", "Assets"),
    BindingKind("unsafe_hello_world", _AR, "binding", "Hello World"),
    BindingKind("flagship", _AR, "binding", "Flagship"),
    BindingKind("worker_loaders", _AR, "binding", "Worker Loader"),
    BindingKind("vpc_services", _AR, "binding", "VPC Service"),
    BindingKind("vpc_networks", _AR, "binding", "VPC Network"),
    BindingKind("secrets.required", BindingShape.STRING_LIST, None, "Secret"),
)

DURABLE_OBJECT_BINDING_FIELDS: tuple[FieldInfo, ...] = (
    FieldInfo("name", _S, "The binding name the Worker uses to reach the Durable Object namespace "
              "(`env.<name>`)", required=True),
    FieldInfo("class_name", _S, "The exported class name of the Durable Object", required=True),
    FieldInfo("script_name", _S, "The Worker that defines the class, if not this one. Without it an env "
              "binding addresses `<name>-<env>`, not the top-level Worker"),
    FieldInfo("environment", _S, "The service environment of `script_name`; requires `script_name`. "
              "Service environments no longer exist (legacy)"),
    FieldInfo("remote", _B, "Accepted if boolean, but wrangler warns that it is an unexpected field here",
              warned=True),
)

MIGRATION_FIELDS: tuple[FieldInfo, ...] = (
    FieldInfo("tag", _S, "A unique identifier for this migration; wrangler uploads the entries after the "
              "deployed tag", required=True),
    FieldInfo("new_classes", _SA, "New Durable Object classes (key-value storage backend)"),
    FieldInfo("new_sqlite_classes", _SA, "New Durable Object classes with the SQLite storage backend"),
    FieldInfo("renamed_classes", _TA, "Durable Object classes being renamed: `{from, to}` entries"),
    FieldInfo("deleted_classes", _SA, "Durable Object classes being removed, with their stored data"),
    FieldInfo("transferred_classes", _TA, "Durable Object classes transferred from another Worker: "
              "`{from, from_script, to}` entries"),
)

RENAMED_CLASS_FIELDS: tuple[FieldInfo, ...] = (
    FieldInfo("from", _S, "The old class name", required=True),
    FieldInfo("to", _S, "The new class name", required=True),
)

TRANSFERRED_CLASS_FIELDS: tuple[FieldInfo, ...] = (
    FieldInfo("from", _S, "The class name in the other Worker", required=True),
    FieldInfo("from_script", _S, "The Worker the class is transferred from", required=True),
    FieldInfo("to", _S, "The class name in this Worker", required=True),
)
# fmt: on

_BINDING_BY_KEY: dict[str, BindingKind] = {kind.key: kind for kind in BINDING_KINDS}


def durable_object_binding_field(name: str) -> FieldInfo | None:
    """The field of a `durable_objects.bindings` entry with this name, or None."""
    return next((f for f in DURABLE_OBJECT_BINDING_FIELDS if f.name == name), None)


def migration_field(name: str) -> FieldInfo | None:
    """The field of a `migrations` entry with this name, or None."""
    return next((f for f in MIGRATION_FIELDS if f.name == name), None)
