package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.http.HttpFields;

class BasicAuthFileTest {

    private static final int MAX_BYTES = HttpLimits.DEFAULTS.maxCredentialsFileBytes();

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void credentials() throws IOException {
        file = dir.resolve("logins");
        Files.writeString(file, "testuser:testpass\r\nmyuser:his:pass\n\n\u00e9l\u00e8ve:mot de passe\n");
    }

    private static HttpFields basic(String userPass) {
        return authorization("Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpFields authorization(String value) {
        return HttpFields.builder().add("authorization", value).build();
    }

    @Test
    void rightCredentialsGiveTheUser() throws Exception {
        BasicAuthFile auth = BasicAuthFile.load(file, MAX_BYTES);
        assertEquals(Optional.of("testuser"), auth.authenticate(basic("testuser:testpass")));
        assertEquals(Optional.of("myuser"), auth.authenticate(basic("myuser:his:pass")), "passwords may hold ':'");
        assertEquals(Optional.of("\u00e9l\u00e8ve"), auth.authenticate(basic("\u00e9l\u00e8ve:mot de passe")), "UTF-8 (RFC 7617)");
        assertEquals(Optional.of("testuser"), auth.authenticate(authorization("basic  "
                + Base64.getEncoder().encodeToString("testuser:testpass".getBytes()))), "scheme is case-insensitive");
    }

    @Test
    void wrongPasswordOrUnknownUserGiveNothing() throws Exception {
        BasicAuthFile auth = BasicAuthFile.load(file, MAX_BYTES);
        assertEquals(Optional.empty(), auth.authenticate(basic("testuser:wrong")));
        assertEquals(Optional.empty(), auth.authenticate(basic("testuser:testpas")));
        assertEquals(Optional.empty(), auth.authenticate(basic("testuser:testpass ")));
        assertEquals(Optional.empty(), auth.authenticate(basic("nobody:testpass")));
        assertEquals(Optional.empty(), auth.authenticate(basic("TESTUSER:testpass")));
    }

    @Test
    void malformedAuthorizationGivesNothing() throws Exception {
        BasicAuthFile auth = BasicAuthFile.load(file, MAX_BYTES);
        assertEquals(Optional.empty(), auth.authenticate(HttpFields.EMPTY));
        for (String v : new String[] {"", "Basic", "Basic ", "Basic !!!!", "Basic dGVzdHVzZXI=", "Bearer abc",
                "Basicdt", "Digest username=\"testuser\"", "Basic " + Base64.getEncoder().encodeToString(":testpass".getBytes()),
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc0, (byte) 0xae, ':', 'x'}),
                "Basic " + Base64.getEncoder().encodeToString("test\u0001user:testpass".getBytes()),
                "Basic " + "QUFB".repeat(5000)}) {
            assertEquals(Optional.empty(), auth.authenticate(authorization(v)), v.length() > 60 ? v.substring(0, 60) : v);
        }
    }

    @Test
    void missingOrMalformedFilesAreRefusedNamingThem() throws IOException {
        assertTrue(assertThrows(BasicAuthFile.CredentialsException.class, () -> BasicAuthFile.load(dir.resolve("none"), MAX_BYTES))
                .getMessage().contains("none"));
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "ok:1\nno-colon-here\n");
        assertTrue(assertThrows(BasicAuthFile.CredentialsException.class, () -> BasicAuthFile.load(bad, MAX_BYTES))
                .getMessage().contains("line 2"));
        Files.writeString(bad, "dup:1\ndup:2\n");
        assertTrue(assertThrows(BasicAuthFile.CredentialsException.class, () -> BasicAuthFile.load(bad, MAX_BYTES))
                .getMessage().contains("twice"));
        Files.writeString(bad, ":nouser\n");
        assertThrows(BasicAuthFile.CredentialsException.class, () -> BasicAuthFile.load(bad, MAX_BYTES));
        assertThrows(BasicAuthFile.CredentialsException.class, () -> BasicAuthFile.load(dir, MAX_BYTES), "a directory");
        Files.write(bad, new byte[MAX_BYTES + 1]);
        assertTrue(assertThrows(BasicAuthFile.CredentialsException.class, () -> BasicAuthFile.load(bad, MAX_BYTES))
                .getMessage().contains("larger"));
    }

    @Test
    void changedFileIsReReadAndABrokenOneRefusesEveryone() throws Exception {
        BasicAuthFile auth = BasicAuthFile.load(file, MAX_BYTES);
        Files.writeString(file, "newuser:newpass\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertEquals(Optional.of("newuser"), auth.authenticate(basic("newuser:newpass")));
        assertEquals(Optional.empty(), auth.authenticate(basic("testuser:testpass")));
        Files.writeString(file, "broken line\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 20_000));
        assertEquals(Optional.empty(), auth.authenticate(basic("newuser:newpass")), "fails closed");
        Files.delete(file);
        assertEquals(Optional.empty(), auth.authenticate(basic("newuser:newpass")), "fails closed");
    }
}
