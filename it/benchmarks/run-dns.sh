#!/usr/bin/env bash
# Async DNS against the JDK resolver on a helper-thread pool, both answering one service
# loop and both asking one real dnsmasq: 1,000 concurrent uncached lookups (total time,
# loop CPU, worst loop stall, helper-thread blocking), then cached lookups per second.
# Arguments go to DnsBenchmark: --names N --cached N.
#
# The JDK resolver only asks the nameserver in /etc/resolv.conf on port 53, so this runs
# in private network and mount namespaces (unshare; needs root): loopback only, dnsmasq on
# 127.0.0.1:53, /etc/resolv.conf bind-mounted to "nameserver 127.0.0.1" inside. Nothing
# leaves the namespace. Needs the Debian package dnsmasq. Stops by itself.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# build-if-needed.sh does not watch async-dns: rebuild when its sources are newer
stamp="$here/target/lib/.built"
if [[ -f "$stamp" && -n "$(find "$root/async-dns/src/main" "$root/async-dns/pom.xml" -newer "$stamp" -print -quit)" ]]; then
    rm -f "$stamp"
fi
"$here/build-if-needed.sh"
if [[ "$(id -u)" != 0 ]]; then
    echo "run-dns.sh: needs root for unshare --net --mount (private loopback and resolv.conf)" >&2
    exit 1
fi
[[ -x /usr/sbin/dnsmasq ]] || { echo "run-dns.sh: install the Debian package dnsmasq" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "nameserver 127.0.0.1" > "$tmp/resolv.conf"
cd "$here"
unshare --net --mount -- bash -c '
    set -e
    ip link set lo up
    mount --bind "$1" /etc/resolv.conf
    shift
    exec java ${JAVA_OPTS:--Xms1g -Xmx1g} -cp "target/classes:target/lib/*" \
        org.lightwire.benchmarks.dns.DnsBenchmark --port 53 "$@"' run-dns "$tmp/resolv.conf" "$@"
