"""sslyze scans for the parity tests and the bench, run by .venv-scanners/bin/python (sslyze's own cryptography).

Reads one JSON request per line on stdin, `{"targets": [{"name": N, "port": P, "web": bool}]}`, scans every
target at once on 127.0.0.1 (SNI localhost) and prints one JSON line: `{"seconds": S, "views": {N: {...}}}`
with the protocols, accepted suites (OpenSSL names), the ones with an ephemeral key, the HSTS max-age, the
leaf's SHA-256 and whether Mozilla's store validates the chain. Ends at end of input.
"""

from __future__ import annotations

import json
import sys
import time
import warnings

from cryptography.hazmat.primitives import hashes
from sslyze import (
    ScanCommand,
    Scanner,
    ServerNetworkConfiguration,
    ServerNetworkLocation,
    ServerScanRequest,
    ServerScanStatusEnum,
)

COMMANDS = {ScanCommand.TLS_1_0_CIPHER_SUITES, ScanCommand.TLS_1_1_CIPHER_SUITES, ScanCommand.TLS_1_2_CIPHER_SUITES,
            ScanCommand.TLS_1_3_CIPHER_SUITES, ScanCommand.CERTIFICATE_INFO}


def view(result) -> dict:
    scan = result.scan_result
    protocols, suites, ephemeral = [], [], []
    for label, attempt in (("TLS 1.0", scan.tls_1_0_cipher_suites), ("TLS 1.1", scan.tls_1_1_cipher_suites),
                           ("TLS 1.2", scan.tls_1_2_cipher_suites), ("TLS 1.3", scan.tls_1_3_cipher_suites)):
        if attempt.result is None:
            raise RuntimeError(f"{label}: {attempt.error_trace}")
        accepted = attempt.result.accepted_cipher_suites
        if accepted:
            protocols.append(label)
        for suite in accepted:
            suites.append(suite.cipher_suite.openssl_name)
            if suite.ephemeral_key is not None:
                ephemeral.append(suite.cipher_suite.openssl_name)
    hsts = None
    if scan.http_headers is not None and scan.http_headers.result is not None:
        header = scan.http_headers.result.strict_transport_security_header
        hsts = header.max_age if header else None
    deployment = scan.certificate_info.result.certificate_deployments[0]
    return {"protocols": protocols, "suites": suites, "ephemeral": ephemeral, "hsts": hsts,
            "leaf_sha256": deployment.received_certificate_chain[0].fingerprint(hashes.SHA256()).hex(),
            "trusted": any(p.was_validation_successful for p in deployment.path_validation_results
                           if p.trust_store.name == "Mozilla")}


def scan(targets: list[dict]) -> dict:
    started = time.perf_counter()
    scanner = Scanner(per_server_concurrent_connections_limit=5, concurrent_server_scans_limit=5)
    names = {}
    requests = []
    for target in targets:
        names[target["port"]] = target["name"]
        requests.append(ServerScanRequest(
            server_location=ServerNetworkLocation(hostname="localhost", port=target["port"], ip_address="127.0.0.1"),
            network_configuration=ServerNetworkConfiguration(tls_server_name_indication="localhost",
                                                             network_timeout=5, network_max_retries=1),
            scan_commands=COMMANDS | ({ScanCommand.HTTP_HEADERS} if target.get("web") else set())))
    scanner.queue_scans(requests)
    views = {}
    for result in scanner.get_results():
        name = names[result.server_location.port]
        if result.scan_status != ServerScanStatusEnum.COMPLETED:
            raise RuntimeError(f"{name}: {result.connectivity_error_trace}")
        views[name] = view(result)
    return {"seconds": time.perf_counter() - started, "views": views}


def main() -> int:
    warnings.simplefilter("ignore")  # sslyze's trust stores hold roots cryptography warns about
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(scan(json.loads(line)["targets"])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
