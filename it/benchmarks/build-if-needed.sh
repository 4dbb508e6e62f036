#!/usr/bin/env bash
# Builds the benchmarks (and the Lightwire modules they run) when a source is newer than
# the last build, so the run scripts always measure the current code.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
stamp="$here/target/lib/.built"

sources=("$here/src" "$here/pom.xml" "$root/pom.xml" "$root/spi" "$root/modules/core"
         "$root/modules/role-raw" "$root/bundles/plugin-raw-test")
if [[ -f "$stamp" ]] && [[ -z "$(find "${sources[@]}" -newer "$stamp" -not -path '*/target/*' -not -path '*/src/test/*' -print -quit)" ]]; then
    exit 0
fi
echo "building lightwire-benchmarks ..." >&2
# maven.test.skip: the upstream modules' tests need not even compile to measure their main code
(cd "$root" && mvn -q -o install -pl it/benchmarks -am -Dmaven.test.skip=true)
touch "$stamp"
