#!/usr/bin/env bash
# Static files over HTTP/1.1: wrk against Lightwire (the launcher), Jetty 12 and lws 4.1.6's
# test server, the same small and 1 MiB files, one run. Needs wrk and
# libwebsockets-test-server (Debian) and write access to /usr/share/libwebsockets-test-server
# for the 1 MiB file (or --servers lightwire,jetty).
# Arguments go to HttpFileBenchmark: --seconds N --warmup N --connections N --threads N
#   --servers lightwire,jetty,lws --quick
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build-if-needed.sh"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && mvn -q -o install -pl launcher -am -DskipTests)
cd "$here"
exec java ${JAVA_OPTS:--Xms1g -Xmx1g} -Dlightwire.dist="$root/launcher/target/lightwire" \
    -cp 'target/classes:target/lib/*' org.lightwire.benchmarks.http.HttpFileBenchmark "$@"
