#!/usr/bin/env bash
# JMH: the crypto backends through the crypto SPI, side by side — SHA-256 (1 KiB, 64 KiB),
# AES-256-GCM (16 KiB), RSA-2048 sign/verify, ECDSA P-256 sign/verify, X25519 — then a
# Markdown table with the jca/bc ratio (above 1: the JDK backend is faster).
# Short settings so the whole run takes about two minutes; extra arguments go to JMH
# (e.g. -f 3 -i 10 for a careful run, or a regex such as '.*rsa.*' to narrow it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
stamp="$here/target/lib/.built"
# build-if-needed.sh does not watch the backends: a newer backend source forces a rebuild
if [[ -f "$stamp" ]] && [[ -n "$(find "$root/bundles/crypto-jca" "$root/bundles/crypto-bc" -newer "$stamp" \
        -not -path '*/target/*' -not -path '*/src/test/*' -print -quit 2>/dev/null)" ]]; then
    rm -f "$stamp"
fi
"$here/build-if-needed.sh"
cd "$here"
cp='target/classes:target/lib/*'
csv=target/crypto-jmh.csv
bench='org.lightwire.benchmarks.crypto.CryptoBenchmark'
[[ $# -gt 0 && "$1" != -* ]] && { bench="$1"; shift; }
# the outer timeout is only a fence against a wedged fork
timeout 600 java -cp "$cp" org.openjdk.jmh.Main "$bench" -f 1 -wi 2 -i 3 -w 1s -r 1s -rf csv -rff "$csv" "$@"
java -cp "$cp" org.lightwire.benchmarks.crypto.CryptoRatios "$csv"
