#!/usr/bin/env bash
# WebSocket echo and idle-connection heap: the Lightwire launcher (default config,
# lws-mirror-protocol), Netty 4.2's WebSocket server (child JVM) and lws 4.1.6's
# libwebsockets-test-server (Debian; its mirror protocol), one after the other in one run.
# Needs libwebsockets-test-server and an open-file limit above the idle connection count.
# Arguments go to WsEchoBenchmark:
#   --seconds N --warmup N --idle N --servers lightwire,netty,lws --heap MB --jfr DIR --quick
# It stops by itself and prints tables and "RATIO ..." lines. JAVA_OPTS replaces the load
# client JVM's options.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build-if-needed.sh"
root="$(cd "$here/../.." && pwd)"
if [[ "${SKIP_LAUNCHER_BUILD:-}" != 1 ]]; then
    (cd "$root" && mvn -q -o install -pl launcher -am -Dmaven.test.skip=true)
fi
cd "$here"
exec java ${JAVA_OPTS:--Xms1g -Xmx1g} -Dlightwire.dist="$root/launcher/target/lightwire" \
    -cp 'target/classes:target/lib/*' org.lightwire.benchmarks.ws.WsEchoBenchmark "$@"
