#!/usr/bin/env bash
# JMH: the jose module (JWS sign/verify RS256, ES256, HS256; JWE RSA-OAEP+A256GCM and
# ECDH-ES+A128KW+A128GCM) against nimbus-jose-jwt on the same keys, then a Markdown table
# with the Lightwire/nimbus ratio and its error (above 1: Lightwire is faster), plus a table
# of the RSA/ECDH rows against their JDK step alone (the floor both libraries sit on). Short settings so the
# whole run stays under four minutes (about two); extra arguments go to JMH (e.g.
# -p backend=jca,bc to add the BouncyCastle backend, or a regex such as '.*Hs256.*');
# JOSE_JMH="-f 3 -wi 5 -i 10 -w 1s -r 1s" replaces the short settings for a careful run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
stamp="$here/target/lib/.built"
# build-if-needed.sh does not watch jose or the backends: a newer source forces a rebuild
if [[ -f "$stamp" ]] && [[ -n "$(find "$root/jose" "$root/bundles/crypto-jca" "$root/bundles/crypto-bc" -newer "$stamp" \
        -not -path '*/target/*' -not -path '*/src/test/*' -print -quit 2>/dev/null)" ]]; then
    rm -f "$stamp"
fi
"$here/build-if-needed.sh"
cd "$here"
cp='target/classes:target/lib/*'
csv=target/jose-jmh.csv
bench='org.lightwire.benchmarks.jose.JoseBenchmark'
[[ $# -gt 0 && "$1" != -* ]] && { bench="$1"; shift; }
# the outer timeout is only a fence against a wedged fork
# shellcheck disable=SC2086 # JOSE_JMH is a list of options
timeout 900 java -cp "$cp" org.openjdk.jmh.Main "$bench" ${JOSE_JMH:--f 1 -wi 2 -i 3 -w 1s -r 1s} -rf csv -rff "$csv" "$@"
java -cp "$cp" org.lightwire.benchmarks.jose.JoseRatios "$csv"
