package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.jose.internal.JweTool;

/** {@code lightwire jwe}: encrypt and decrypt through stdin/stdout, exit codes 0/1/2. */
class JweToolTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new JweTool().run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void encryptThenDecryptWithAJwkSetFileAndPem() throws Exception {
        JweBackends.all();
        Jose jose = Jose.standalone();
        Jwk ec = jose.generateEc(EcCurve.P_256);
        Path set = dir.resolve("keys.json");
        Files.writeString(set, "{\"keys\":[" + jose.generateOct(128).toJson() + "," + ec.toJson() + "]}");
        Result enc = run("hello, JWE", "encrypt", "--key", set.toString(), "--alg", "ECDH-ES+A128KW", "--enc", "A128GCM");
        assertEquals(0, enc.code(), enc.err());
        assertEquals(5, enc.out().strip().split("\\.", -1).length);
        Result dec = run(enc.out(), "decrypt", "--key", set.toString());
        assertEquals(0, dec.code(), dec.err());
        assertEquals("hello, JWE", dec.out());
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, jose.toPem(ec));
        Result json = run("zipped", "encrypt", "--key", pem.toString(), "--alg", "ECDH-ES", "--enc", "A256CBC-HS512", "--json", "--zip");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().startsWith("{"), json.out());
        assertEquals("zipped", run(json.out(), "decrypt", "--key", pem.toString()).out());
    }

    @Test
    void invalidInputExitsOneAndBadUsageTwo() throws Exception {
        Jose jose = Jose.standalone();
        Path key = dir.resolve("k.json");
        Files.writeString(key, jose.generateOct(256).toJson());
        Result enc = run("secret", "encrypt", "--key", key.toString(), "--alg", "dir", "--enc", "A256GCM");
        assertEquals(0, enc.code(), enc.err());
        // change the tag's first character: it carries six whole bits (its last one may carry
        // only padding), so the decoded tag always differs
        String original = enc.out().strip();
        int tag = original.lastIndexOf('.') + 1;
        String tampered = original.substring(0, tag) + (original.charAt(tag) == 'A' ? 'B' : 'A') + original.substring(tag + 1);
        Result bad = run(tampered, "decrypt", "--key", key.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("jwe decrypt: "), bad.err());
        assertEquals(1, run(enc.out(), "decrypt", "--key", key.toString(), "--allow", "A128KW,A128GCM").code());
        assertEquals(1, run("x", "decrypt", "--key", dir.resolve("missing").toString()).code());
        assertEquals(2, run("", "encrypt", "--key", key.toString(), "--alg", "nope", "--enc", "A256GCM").code());
        assertEquals(2, run("", "decrypt").code());
        assertEquals(2, run("").code());
        Result help = run("", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("lightwire jwe encrypt"));
    }
}
