package org.lightwire.it.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test PKI made with the openssl command, as lws' test apps' scripts do: two CAs (the
 * trusted one and a stranger), server certificates per host name signed by the trusted
 * CA, and client certificates from each CA. EC P-256 throughout; files are PEM. Shared by
 * the TLS ITs and the wss ITs (which also need a certificate that does not name 127.0.0.1).
 */
public final class TestPki {

    public static final String OPENSSL = "/usr/bin/openssl";

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Makes the two CAs in {@code dir}. */
    public static TestPki create(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(OPENSSL))) {
            throw new AssertionError(OPENSSL + " is missing: install the Debian package 'openssl'");
        }
        Files.createDirectories(dir);
        TestPki pki = new TestPki(dir);
        pki.ca("ca");
        pki.ca("stranger-ca");
        return pki;
    }

    Path dir() {
        return dir;
    }

    public Path cert(String name) {
        return dir.resolve(name + ".crt");
    }

    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    private void ca(String name) throws IOException, InterruptedException {
        run(OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key(name).toString(), "-out", cert(name).toString(), "-days", "2",
                "-subj", "/CN=Lightwire test " + name,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    /** A server certificate for {@code host} (and 127.0.0.1) signed by {@code ca}. */
    public void server(String name, String host, String ca) throws IOException, InterruptedException {
        server(name, host, ca, "DNS:" + host + ",IP:127.0.0.1");
    }

    /**
     * A server certificate with common name {@code commonName} carrying exactly
     * {@code subjectAltNames} (e.g. "DNS:other.test", to have one that does not name
     * 127.0.0.1), signed by {@code ca}.
     */
    public void server(String name, String commonName, String ca, String subjectAltNames)
            throws IOException, InterruptedException {
        leaf(name, "/CN=" + commonName, ca, "subjectAltName=" + subjectAltNames + "\nextendedKeyUsage=serverAuth\n");
    }

    /** A client certificate signed by {@code ca}. */
    void client(String name, String ca) throws IOException, InterruptedException {
        leaf(name, "/CN=" + name, ca, "extendedKeyUsage=clientAuth\n");
    }

    private void leaf(String name, String subject, String ca, String extensions) throws IOException, InterruptedException {
        Path csr = dir.resolve(name + ".csr");
        Path ext = dir.resolve(name + ".ext");
        Files.writeString(ext, "basicConstraints=CA:FALSE\n" + extensions);
        run(OPENSSL, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key(name).toString(), "-out", csr.toString(), "-subj", subject);
        run(OPENSSL, "x509", "-req", "-in", csr.toString(), "-CA", cert(ca).toString(), "-CAkey", key(ca).toString(),
                "-CAcreateserial", "-out", cert(name).toString(), "-days", "2", "-extfile", ext.toString());
    }

    /** Runs a command, failing with its output unless it exits 0; returns stdout+stderr. */
    static String run(String... cmd) throws IOException, InterruptedException {
        return run(null, 30, cmd);
    }

    /** Runs a command with {@code stdin} (null: none) and a timeout in seconds; returns stdout+stderr, exit code ignored. */
    static String runAnyExit(byte[] stdin, int seconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(List.of(cmd) + " did not finish in " + seconds + "s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String run(byte[] stdin, int seconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(new ArrayList<>(List.of(cmd)) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
