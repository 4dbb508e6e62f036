#!/usr/bin/env bash
# Raw TCP echo, Lightwire against Netty 4.2 (NIO, and epoll where it loads), in one JVM.
# Arguments go to RawEchoBenchmark:
#   --seconds N --warmup N --connections N --window BYTES --threads N --quick
# It stops by itself (it has its own time bound) and prints tables and "RATIO ..." lines.
# JAVA_OPTS replaces the default JVM options.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build-if-needed.sh"
cd "$here"
# a fixed heap keeps heap resizing out of the figures
exec java ${JAVA_OPTS:--Xms1g -Xmx1g} -cp 'target/classes:target/lib/*' \
    org.lightwire.benchmarks.echo.RawEchoBenchmark "$@"
