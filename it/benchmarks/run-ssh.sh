#!/usr/bin/env bash
# SSH through exec: Lightwire's sshd-demo (the launcher, lws-ssh-base + lws-sshd-demo) against
# Apache MINA SSHD 2.20's server, the real OpenSSH client as the load, 127.0.0.1 only, one run.
# Needs openssh-client (ssh, ssh-keygen).
# Arguments go to SshBenchmark: --mib N --runs N --logins N --parallel N --cipher NAME
#   --servers lightwire,mina --quick
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build-if-needed.sh"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && mvn -q -o install -pl ssh-base,bundles/plugin-sshd-demo,launcher -DskipTests)
cd "$here"
exec java ${JAVA_OPTS:--Xms1g -Xmx1g} -Dlightwire.dist="$root/launcher/target/lightwire" \
    -cp 'target/classes:target/lib/*' org.lightwire.benchmarks.ssh.SshBenchmark "$@"
