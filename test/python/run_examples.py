"""Runs the Python translations of the TypeScript examples against the installed wheel.

The examples are the README's TypeScript blocks and the @example of src/; jsii-rosetta translated them
(post-compile, strict: every one compiled against its fixture in rosetta/) into the tablet that
jsii-pacmak put into the wheel's docstrings and README. Each translation runs here as a user would
paste it: in a stack (`self`), with what rosetta/default.ts-fixture provides, then the app synthesizes.

    python test/python/run_examples.py .jsii.tabl.json

Run by test/consumers/run.sh in the virtual environment that has the wheel. Exits 1 when a
translation is missing, did not compile or fails when run, naming it.
"""
import json
import sys
import traceback

# What rosetta/default.ts-fixture gives every example, in Python.
PRELUDE = """
from aws_cdk import App, Duration, RemovalPolicy, SecretValue, Stack, Tags, Token
from cdk_direct_connect_resiliency import (
    AddressFamily,
    ConnectionBandwidth,
    DevTest,
    DirectConnectGateway,
    DirectConnectMonitoring,
    FailureAnalysis,
    HighResiliency,
    MaximumResiliencyConnections,
    PortHourPrices,
    ResiliencyModel,
    ResilientConnections,
    TunnelBandwidth,
    VirtualInterface,
    VpnBackup,
)

app = App()
self = Stack(app, "Example")
gateway = DirectConnectGateway(self, "FixtureGateway", amazon_side_asn=64512)
"""


def name_of(snippet: dict) -> str:
    """Where the example is: `README.md line 9` or `VpnBackup @example`."""
    api = snippet["location"]["api"]
    if api["api"] == "moduleReadme":
        return f"README.md line {snippet['location']['field']['line']}"
    return f"{api.get('fqn', '?').split('.')[-1]} @example"


def run(name: str, python: str) -> str | None:
    """Runs one translation in a fresh app; returns the error, or None."""
    namespace: dict = {}
    try:
        exec(compile(PRELUDE, "<prelude>", "exec"), namespace)
        exec(compile(python, name, "exec"), namespace)
        namespace["app"].synth()
    except Exception:  # noqa: BLE001 - every failure is reported with its example
        return traceback.format_exc(limit=-3)
    return None


def main(tablet_path: str) -> int:
    with open(tablet_path, encoding="utf-8") as f:
        snippets = list(json.load(f)["snippets"].values())
    failures = []
    for snippet in sorted(snippets, key=lambda s: (s["location"]["field"].get("line", 0), name_of(s))):
        name = name_of(snippet)
        python = snippet["translations"].get("python", {}).get("source")
        if not snippet.get("didCompile") or python is None:
            failures.append(f"{name}: not compiled or not translated to Python")
            continue
        error = run(name, python)
        print(f"{'FAIL' if error else 'ok  '} {name}")
        if error:
            failures.append(f"{name}:\n{python}\n{error}")
    if not snippets:
        failures.append(f"{tablet_path} holds no examples")
    for failure in failures:
        print(f"\n{failure}", file=sys.stderr)
    print(f"{len(snippets) - len(failures)} of {len(snippets)} Python examples ran")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} TABLET (.jsii.tabl.json, written by jsii-rosetta extract)")
    sys.exit(main(sys.argv[1]))
