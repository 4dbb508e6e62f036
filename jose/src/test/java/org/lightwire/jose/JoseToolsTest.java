package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lightwire.jose.internal.JwkTool;
import org.lightwire.jose.internal.JwsTool;
import org.lightwire.jose.internal.ToolCommand;
import org.lightwire.jose.internal.X509Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The jwk, jws and x509 tools: the DESIGN.md contract (stdin/stdout, exit 0/1/2, one-line errors) on every backend. */
class JoseToolsTest {

    @TempDir
    Path dir;

    record Result(int status, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Result run(ToolCommand tool, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = tool.run(new ByteArrayInputStream(stdin), out, new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(ToolCommand tool, String stdin, String... args) {
        return run(tool, stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static java.util.stream.Stream<String> backends() {
        return Backends.all().stream().map(b -> b.name());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void genSignVerifyRoundTrip(String backend) throws IOException {
        for (String[] gen : new String[][] {{"--kty", "EC", "--crv", "P-384"}, {"--kty", "RSA"}, {"--kty", "oct", "--bits", "512"},
            {"--kty", "OKP", "--crv", "Ed25519"}}) {
            String[] args = new String[gen.length + 5];
            args[0] = "gen";
            System.arraycopy(gen, 0, args, 1, gen.length);
            args[gen.length + 1] = "--kid";
            args[gen.length + 2] = "k1";
            args[gen.length + 3] = "--backend";
            args[gen.length + 4] = backend;
            Result key = run(new JwkTool(), "", args);
            assertEquals(0, key.status, key.err);
            Path keyFile = Files.writeString(dir.resolve("key.jwk"), key.text());
            String alg = switch (gen[1]) {
                case "EC" -> "ES384";
                case "RSA" -> "PS512";
                case "oct" -> "HS512";
                default -> "EdDSA";
            };
            byte[] payload = {0, 1, 2, (byte) 0xff, '\n'};
            Result jws = run(new JwsTool(), payload, "sign", "--key", keyFile.toString(), "--alg", alg, "--backend", backend);
            assertEquals(0, jws.status, jws.err);
            Path verifyKey = keyFile;
            if (!gen[1].equals("oct")) {
                Result pub = run(new JwkTool(), key.text(), "public");
                assertEquals(0, pub.status, pub.err);
                assertTrue(!pub.text().contains("\"d\""));
                verifyKey = Files.writeString(dir.resolve("pub.jwk"), pub.text());
            }
            Result ok = run(new JwsTool(), jws.text(), "verify", "--key", verifyKey.toString(), "--backend", backend);
            assertEquals(0, ok.status, ok.err);
            assertEquals(java.util.Arrays.toString(payload), java.util.Arrays.toString(ok.out));
            Result wrongAlg = run(new JwsTool(), jws.text(), "verify", "--key", verifyKey.toString(), "--alg", "RS256");
            assertEquals(1, wrongAlg.status);
            String tampered = jws.text().strip();
            tampered = tampered.substring(0, tampered.length() - 2) + (tampered.endsWith("AA") ? "BA" : "AA");
            Result bad = run(new JwsTool(), tampered, "verify", "--key", verifyKey.toString());
            assertEquals(1, bad.status);
            assertEquals(1, bad.err.strip().lines().count(), bad.err);
            assertTrue(bad.err.startsWith("lightwire: jws: "), bad.err);
        }
    }

    @Test
    void jsonSerialisationAndThumbprint() throws IOException {
        Result key = run(new JwkTool(), "", "gen", "--kty", "EC", "--use", "sig", "--alg", "ES256");
        Path keyFile = Files.writeString(dir.resolve("ec.jwk"), key.text());
        Result json = run(new JwsTool(), "hello", "sign", "--key", keyFile.toString(), "--alg", "ES256", "--json");
        assertTrue(json.text().startsWith("{\"payload\":\"aGVsbG8\""), json.text());
        assertEquals("hello", run(new JwsTool(), json.text(), "verify", "--key", keyFile.toString(), "--alg", "ES256").text());
        Result t1 = run(new JwkTool(), key.text(), "thumbprint");
        Result t2 = run(new JwkTool(), run(new JwkTool(), key.text(), "public").text(), "thumbprint");
        assertEquals(0, t1.status);
        assertEquals(t1.text(), t2.text());
        assertEquals(44, t1.text().length()); // 43 characters and a newline
        // PEM key files work too
        Path pem = Files.writeString(dir.resolve("ec.pem"), run(new JwkTool(), key.text(), "pem").text());
        Result viaPem = run(new JwsTool(), "x", "sign", "--key", pem.toString(), "--alg", "ES256");
        assertEquals(0, viaPem.status, viaPem.err);
        assertEquals("x", run(new JwsTool(), viaPem.text(), "verify", "--key", keyFile.toString()).text());
    }

    @Test
    void usageErrorsExitTwoAndHelpExitsZero() {
        for (ToolCommand tool : new ToolCommand[] {new JwkTool(), new JwsTool(), new X509Tool()}) {
            Result help = run(tool, "", "--help");
            assertEquals(0, help.status);
            assertTrue(help.text().startsWith("Usage: lightwire " + tool.name()), help.text());
            assertEquals(2, run(tool, "").status);
            Result bogus = run(tool, "", "bogus");
            assertEquals(2, bogus.status);
            assertTrue(bogus.err.contains("--help"), bogus.err);
        }
        assertEquals(2, run(new JwkTool(), "", "gen").status);
        assertEquals(2, run(new JwkTool(), "", "gen", "--kty", "DSA").status);
        assertEquals(2, run(new JwkTool(), "", "gen", "--kty", "EC", "--bits", "256").status);
        assertEquals(2, run(new JwsTool(), "", "sign", "--key", "x", "--alg", "none").status);
        assertEquals(2, run(new JwsTool(), "", "sign", "--key", "x", "--alg", "XS256").status);
        assertEquals(2, run(new JwsTool(), "", "verify", "--kye", "x").status);
        Result missing = run(new JwsTool(), "", "verify", "--key", dir.resolve("missing").toString());
        assertEquals(1, missing.status);
        assertTrue(missing.err.contains("no such file"), missing.err);
        Result badKey = run(new JwkTool(), "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"}", "thumbprint");
        assertEquals(1, badKey.status);
        assertEquals(1, badKey.err.strip().lines().count());
        assertEquals(1, run(new JwkTool(), "", "gen", "--kty", "EC", "--backend", "nope").status);
    }

    @Test
    void x509ShowAndJwk() throws Exception {
        Jose jose = Jose.standalone();
        Jwk k = jose.generateRsa(2048);
        java.security.cert.X509Certificate cert = jose.backend().x509().selfSigned(
                org.lightwire.api.crypto.CertificateTemplate.builder("CN=tool test, O=Lightwire").dnsName("localhost")
                        .ipAddress(java.net.InetAddress.getByName("127.0.0.1")).build(), k.elements());
        String pem = jose.backend().x509().pem("CERTIFICATE", cert.getEncoded());
        Result show = run(new X509Tool(), pem, "show");
        assertEquals(0, show.status, show.err);
        assertTrue(show.text().contains("subject:    CN=tool test,O=Lightwire"), show.text());
        assertTrue(show.text().contains("DNS:localhost, IP:127.0.0.1"), show.text());
        assertTrue(show.text().contains("key:        RSA 2048 bits"), show.text());
        assertTrue(show.text().contains(jose.thumbprint(k)), show.text());
        Result jwk = run(new X509Tool(), pem, "jwk");
        assertEquals(0, jwk.status, jwk.err);
        assertEquals(jose.thumbprint(k), jose.thumbprint(jose.parseJwk(jwk.text())));
        assertTrue(jwk.text().contains("\"x5c\""));
        Result priv = run(new X509Tool(), jose.toPem(k), "jwk");
        assertTrue(jose.parseJwk(priv.text()).isPrivate());
        Result garbage = run(new X509Tool(), "not a certificate", "show");
        assertEquals(1, garbage.status);
    }
}
