package org.lightwire.it.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lightwire jwk|jws|x509} from the assembled distribution, end to end through real
 * processes and pipes (lws' minimal-crypto-jwk/-jws/-x509): gen → public → thumbprint,
 * sign → verify, on both crypto backends, and {@code x509 show} of a certificate made by the
 * real openssl command (Debian package {@code openssl}).
 */
class JoseToolsIT {

    private static final Path DIST = Path.of(System.getProperty("lightwire.dist", "../../launcher/target/lightwire"));

    @TempDir
    Path tmp;

    private int runs;

    /** One run: status, stdout bytes, stderr lines. */
    record Run(int status, byte[] out, List<String> err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "status " + status + ", out " + text() + ", err " + err;
        }
    }

    private Run lightwire(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", DIST.resolve("lib").toString(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "org.lightwire.launcher/org.lightwire.launcher.Main"));
        cmd.addAll(List.of(args));
        int n = runs++;
        Path in = Files.write(tmp.resolve("in" + n), stdin);
        Path out = tmp.resolve("out" + n);
        Path err = tmp.resolve("err" + n);
        Process p = new ProcessBuilder(cmd).redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lightwire " + String.join(" ", args) + " still running after 60 s");
        }
        return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    private Run lightwire(String stdin, String... args) throws IOException, InterruptedException {
        return lightwire(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    private Run ok(Run r) {
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of(), r.err());
        return r;
    }

    @Test
    void generateSignVerifyOnBothBackends() throws Exception {
        for (String[] c : new String[][] {{"EC", "--crv", "P-256", "ES256", "jca", "bc"}, {"RSA", "--bits", "2048", "PS256", "bc", "jca"},
            {"OKP", "--crv", "Ed25519", "EdDSA", "jca", "bc"}}) {
            String signer = c[4];
            String verifier = c[5];
            Run key = ok(lightwire("", "jwk", "gen", "--kty", c[0], c[1], c[2], "--kid", "it-" + c[0], "--backend", signer));
            Path keyFile = Files.write(tmp.resolve(c[0] + ".jwk"), key.out());
            Run pub = ok(lightwire(key.out(), "jwk", "public"));
            assertFalse(pub.text().contains("\"d\""), pub.text());
            Path pubFile = Files.write(tmp.resolve(c[0] + ".pub.jwk"), pub.out());
            assertEquals(ok(lightwire(key.out(), "jwk", "thumbprint")).text(), ok(lightwire(pub.out(), "jwk", "thumbprint", "--backend", verifier)).text());

            byte[] payload = ("payload for " + c[3] + " \u00e9\n").getBytes(StandardCharsets.UTF_8);
            Run jws = ok(lightwire(payload, "jws", "sign", "--key", keyFile.toString(), "--alg", c[3], "--backend", signer));
            Run verified = ok(lightwire(jws.out(), "jws", "verify", "--key", pubFile.toString(), "--alg", c[3], "--backend", verifier));
            assertArrayEquals(payload, verified.out(), c[3]);

            Run json = ok(lightwire(payload, "jws", "sign", "--key", keyFile.toString(), "--alg", c[3], "--json"));
            assertArrayEquals(payload, ok(lightwire(json.out(), "jws", "verify", "--key", pubFile.toString())).out());

            String compact = jws.text().strip();
            int sig = compact.lastIndexOf('.') + 1;
            String other = compact.startsWith("AAAA", sig) ? "BBBB" : "AAAA"; // always a different signature
            String tampered = compact.substring(0, sig) + other + compact.substring(sig + 4);
            Run bad = lightwire(tampered, "jws", "verify", "--key", pubFile.toString());
            assertEquals(1, bad.status(), bad.toString());
            assertEquals(0, bad.out().length);
            assertEquals(1, bad.err().size(), bad.toString());
            assertTrue(bad.err().get(0).startsWith("lightwire: jws: "), bad.err().get(0));

            Run wrongAlg = lightwire(jws.out(), "jws", "verify", "--key", pubFile.toString(), "--alg", "HS256");
            assertEquals(1, wrongAlg.status(), wrongAlg.toString());
        }
    }

    @Test
    void x509ShowsAnOpensslCertificateAndItsKeySignsForIt() throws Exception {
        Path keyPem = tmp.resolve("key.pem");
        Path certPem = tmp.resolve("cert.pem");
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes",
                    "-keyout", keyPem.toString(), "-out", certPem.toString(), "-subj", "/CN=jose it/O=Lightwire", "-days", "2",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("the openssl command is needed as a peer (apt-get install openssl): " + e.getMessage(), e);
        }
        String opensslOut = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, openssl.exitValue(), opensslOut);

        Run show = ok(lightwire(Files.readAllBytes(certPem), "x509", "show"));
        assertTrue(show.text().contains("subject:    O=Lightwire,CN=jose it") || show.text().contains("subject:    CN=jose it,O=Lightwire"), show.text());
        assertTrue(show.text().contains("SANs:       DNS:localhost, IP:127.0.0.1"), show.text());
        assertTrue(show.text().contains("key:        EC P-384"), show.text());
        assertTrue(show.text().contains("not after:  "), show.text());

        Run certJwk = ok(lightwire(Files.readAllBytes(certPem), "x509", "jwk"));
        assertTrue(certJwk.text().contains("\"x5c\""), certJwk.text());
        Run keyJwk = ok(lightwire(Files.readAllBytes(keyPem), "x509", "jwk", "--backend", "bc"));
        assertEquals(ok(lightwire(certJwk.out(), "jwk", "thumbprint")).text(), ok(lightwire(keyJwk.out(), "jwk", "thumbprint")).text());

        // PEM files serve as key files directly: sign with openssl's key, verify with the certificate
        Run jws = ok(lightwire("signed by an openssl key", "jws", "sign", "--key", keyPem.toString(), "--alg", "ES384"));
        assertEquals("signed by an openssl key", ok(lightwire(jws.out(), "jws", "verify", "--key", certPem.toString())).text());

        Run garbage = lightwire("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "x509", "show");
        assertEquals(1, garbage.status(), garbage.toString());
        assertEquals(1, garbage.err().size(), garbage.toString());
    }

    @Test
    void helpAndBadUsage() throws Exception {
        for (String tool : new String[] {"jwk", "jws", "x509"}) {
            Run help = ok(lightwire("", tool, "--help"));
            assertTrue(help.text().startsWith("Usage: lightwire " + tool), help.text());
            Run bad = lightwire("", tool, "no-such-subcommand");
            assertEquals(2, bad.status(), bad.toString());
            assertEquals(1, bad.err().size(), bad.toString());
        }
        assertEquals(2, lightwire("", "jwk", "gen", "--kty", "DSA").status());
        assertEquals(2, lightwire("", "jws", "sign", "--alg", "ES256").status());
        Run notJson = lightwire("this is not a key", "jwk", "thumbprint");
        assertEquals(1, notJson.status(), notJson.toString());
        assertEquals(1, notJson.err().size(), notJson.toString());
    }
}
