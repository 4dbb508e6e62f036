package org.lightwire.it.ws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The wss ITs' test PKI, made with the openssl command as lws' test scripts do: one CA
 * (not in any system trust store) and server certificates it signs, each carrying exactly
 * the subjectAltNames asked for, so a test can have a certificate that does not name
 * 127.0.0.1. EC P-256, PEM files.
 */
final class WssPki {

    static final String OPENSSL = "/usr/bin/openssl";

    private final Path dir;

    private WssPki(Path dir) {
        this.dir = dir;
    }

    /** Makes the CA ("ca") in {@code dir}. */
    static WssPki create(Path dir) throws IOException, InterruptedException {
        WsProcess.require(Path.of(OPENSSL), "openssl");
        Files.createDirectories(dir);
        WssPki pki = new WssPki(dir);
        run(OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", pki.key("ca").toString(), "-out", pki.cert("ca").toString(), "-days", "2",
                "-subj", "/CN=Lightwire wss test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return pki;
    }

    Path cert(String name) {
        return dir.resolve(name + ".crt");
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    /** A server certificate {@code name} for {@code subjectAltNames} (e.g. "DNS:localhost,IP:127.0.0.1"), signed by the CA. */
    void server(String name, String commonName, String subjectAltNames) throws IOException, InterruptedException {
        Path csr = dir.resolve(name + ".csr");
        Path ext = dir.resolve(name + ".ext");
        Files.writeString(ext, "basicConstraints=CA:FALSE\nsubjectAltName=" + subjectAltNames
                + "\nextendedKeyUsage=serverAuth\n");
        run(OPENSSL, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key(name).toString(), "-out", csr.toString(), "-subj", "/CN=" + commonName);
        run(OPENSSL, "x509", "-req", "-in", csr.toString(), "-CA", cert("ca").toString(), "-CAkey", key("ca").toString(),
                "-CAcreateserial", "-out", cert(name).toString(), "-days", "2", "-extfile", ext.toString());
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(List.of(cmd) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
    }
}
