package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.CryptoBackend;

/**
 * {@link JwsSigner#signCompact(byte[])} builds the compact form directly from a header
 * serialised once: it must give exactly what the general path
 * {@code jws(payload).sign(signer).compact()} gives (RS256 and HS256 are deterministic), for
 * every payload length modulo 3 and with or without a {@code kid}, and stop working once the
 * key is destroyed.
 */
class JwsSignerCompactTest {

    @Test
    void theDirectCompactFormIsTheBuildersByteForByte() {
        for (CryptoBackend backend : Backends.all()) {
            Jose jose = Jose.with(backend);
            Jwk rsa = jose.generateRsa(2048).toBuilder().kid("r1").build();
            Jwk oct = jose.generateOct(256);
            for (Jwk key : new Jwk[] {rsa, oct}) {
                JwsAlgorithm alg = key == rsa ? JwsAlgorithm.RS256 : JwsAlgorithm.HS256;
                JwsSigner signer = jose.signer(key, alg);
                JwsVerifier verifier = jose.verifier(JosePolicy.allowing(alg), key == rsa ? key.toPublic() : key);
                for (int n = 0; n < 5; n++) {
                    byte[] payload = "{\"sub\":\"x\"}abcd".substring(0, 11 + n).getBytes(StandardCharsets.UTF_8);
                    String direct = signer.signCompact(payload);
                    assertEquals(jose.jws(payload).sign(signer).compact(), direct, backend.name() + " " + alg + " length " + payload.length);
                    assertArrayEquals(payload, verifier.verify(direct).payload());
                }
                assertEquals(key == rsa ? "{\"alg\":\"RS256\",\"kid\":\"r1\"}" : "{\"alg\":\"HS256\"}",
                        new String(java.util.Base64.getUrlDecoder().decode(signer.signCompact(new byte[0]).split("\\.")[0]),
                                StandardCharsets.UTF_8));
            }
            JwsSigner doomed = jose.signer(rsa, JwsAlgorithm.RS256);
            rsa.elements().destroy();
            assertThrows(JoseKeyException.class, () -> doomed.signCompact(new byte[] {1}));
        }
    }
}
