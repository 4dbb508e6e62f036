#!/usr/bin/env bash
# TLS: full handshakes/s and bulk MiB/s over HTTPS for Lightwire on crypto-jca and on
# crypto-bc (the real launcher each time) and lws 4.1.6's test server with --ssl (OpenSSL),
# one run, the same RSA-2048 certificate and file, a JSSE load generator. Needs openssl and
# libwebsockets-test-server (Debian).
# Arguments go to TlsBenchmark: --seconds N --warmup N --threads N --connections N --loops N
#   --servers jca,bc,lws --quick
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build-if-needed.sh"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && mvn -q -o install -pl launcher -am -DskipTests)
cd "$here"
exec java ${JAVA_OPTS:--Xms512m -Xmx512m} -Dlightwire.dist="$root/launcher/target/lightwire" \
    -cp 'target/classes:target/lib/*' org.lightwire.benchmarks.tls.TlsBenchmark "$@"
