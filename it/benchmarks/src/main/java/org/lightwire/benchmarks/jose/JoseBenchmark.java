package org.lightwire.benchmarks.jose;

import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.jose.EncryptionMethod;
import org.lightwire.jose.Jose;
import org.lightwire.jose.JosePolicy;
import org.lightwire.jose.JweAlgorithm;
import org.lightwire.jose.JweDecrypter;
import org.lightwire.jose.Jwk;
import org.lightwire.jose.JwsAlgorithm;
import org.lightwire.jose.JwsSigner;
import org.lightwire.jose.JwsVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JOSE operations per second, Lightwire's {@code jose} module (over the crypto SPI, backend
 * chosen by {@code backend}) side by side with nimbus-jose-jwt on the same keys and inputs.
 * Each row is a pair of methods, {@code x} (ours) and {@code xNimbus}; {@link JoseRatios}
 * prints them as a table with the ratio. Both sides keep their parsed keys, signers and
 * verifiers between operations, as a server would; every verification parses the token.
 * Adding a row is two methods (and their keys in a {@code @Setup}). Rows dominated by RSA or
 * EC arithmetic also have an {@code xJdk} method: that asymmetric step alone on the JDK,
 * with JDK key objects and engines held — the floor no JOSE library on SunRsaSign/SunEC can
 * go below, so the table shows how much of each row is JOSE work at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JoseBenchmark {

    /** A typical JWT claims set. */
    private static final byte[] PAYLOAD = ("{\"iss\":\"https://issuer.example\",\"sub\":\"user-12345\",\"aud\":\"api\","
            + "\"exp\":1900000000,\"iat\":1700000000,\"scope\":\"read write\"}").getBytes(StandardCharsets.UTF_8);

    @Param({"jca"})
    public String backend;

    private Jose jose;

    private JwsSigner rs256Signer;
    private JwsSigner es256Signer;
    private JwsSigner hs256Signer;
    private JwsVerifier rs256Verifier;
    private JwsVerifier es256Verifier;
    private JwsVerifier hs256Verifier;
    private String rs256Token;
    private String es256Token;
    private String hs256Token;

    private JWSSigner nimbusRs256Signer;
    private JWSSigner nimbusEs256Signer;
    private JWSSigner nimbusHs256Signer;
    private JWSVerifier nimbusRs256Verifier;
    private JWSVerifier nimbusEs256Verifier;
    private JWSVerifier nimbusHs256Verifier;

    @Setup
    public void setUp() throws Exception {
        jose = Jose.standalone(backend);
        Jwk rsa = jose.generateRsa(2048);
        Jwk ec = jose.generateEc(EcCurve.P_256);
        Jwk oct = jose.generateOct(256);
        rs256Signer = jose.signer(rsa, JwsAlgorithm.RS256);
        es256Signer = jose.signer(ec, JwsAlgorithm.ES256);
        hs256Signer = jose.signer(oct, JwsAlgorithm.HS256);
        rs256Verifier = jose.verifier(JosePolicy.allowing(JwsAlgorithm.RS256), rsa.toPublic());
        es256Verifier = jose.verifier(JosePolicy.allowing(JwsAlgorithm.ES256), ec.toPublic());
        hs256Verifier = jose.verifier(JosePolicy.allowing(JwsAlgorithm.HS256), oct);
        rs256Token = rs256Signer.signCompact(PAYLOAD);
        es256Token = es256Signer.signCompact(PAYLOAD);
        hs256Token = hs256Signer.signCompact(PAYLOAD);

        RSAKey nRsa = (RSAKey) JWK.parse(rsa.toJson());
        ECKey nEc = (ECKey) JWK.parse(ec.toJson());
        OctetSequenceKey nOct = (OctetSequenceKey) JWK.parse(oct.toJson());
        nimbusRs256Signer = new RSASSASigner(nRsa);
        nimbusEs256Signer = new ECDSASigner(nEc);
        nimbusHs256Signer = new MACSigner(nOct);
        nimbusRs256Verifier = new RSASSAVerifier(nRsa.toPublicJWK());
        nimbusEs256Verifier = new ECDSAVerifier(nEc.toPublicJWK());
        nimbusHs256Verifier = new MACVerifier(nOct);
        setUpJwe();
        setUpJdkFloors(nRsa);
    }

    private static String nimbusSign(JWSAlgorithm alg, JWSSigner signer) throws Exception {
        JWSObject o = new JWSObject(new JWSHeader(alg), new Payload(PAYLOAD));
        o.sign(signer);
        return o.serialize();
    }

    private static byte[] nimbusVerify(String token, JWSVerifier verifier) throws Exception {
        JWSObject o = JWSObject.parse(token);
        if (!o.verify(verifier)) {
            throw new IllegalStateException("nimbus did not verify its input");
        }
        return o.getPayload().toBytes();
    }

    // ---- JWS rows: sign and verify for RS256, ES256, HS256 ------------------------------

    @Benchmark
    public String jwsRs256Sign() {
        return rs256Signer.signCompact(PAYLOAD);
    }

    @Benchmark
    public String jwsRs256SignNimbus() throws Exception {
        return nimbusSign(JWSAlgorithm.RS256, nimbusRs256Signer);
    }

    @Benchmark
    public byte[] jwsRs256Verify() {
        return rs256Verifier.verify(rs256Token).payload();
    }

    @Benchmark
    public byte[] jwsRs256VerifyNimbus() throws Exception {
        return nimbusVerify(rs256Token, nimbusRs256Verifier);
    }

    @Benchmark
    public String jwsEs256Sign() {
        return es256Signer.signCompact(PAYLOAD);
    }

    @Benchmark
    public String jwsEs256SignNimbus() throws Exception {
        return nimbusSign(JWSAlgorithm.ES256, nimbusEs256Signer);
    }

    @Benchmark
    public byte[] jwsEs256Verify() {
        return es256Verifier.verify(es256Token).payload();
    }

    @Benchmark
    public byte[] jwsEs256VerifyNimbus() throws Exception {
        return nimbusVerify(es256Token, nimbusEs256Verifier);
    }

    @Benchmark
    public String jwsHs256Sign() {
        return hs256Signer.signCompact(PAYLOAD);
    }

    @Benchmark
    public String jwsHs256SignNimbus() throws Exception {
        return nimbusSign(JWSAlgorithm.HS256, nimbusHs256Signer);
    }

    @Benchmark
    public byte[] jwsHs256Verify() {
        return hs256Verifier.verify(hs256Token).payload();
    }

    @Benchmark
    public byte[] jwsHs256VerifyNimbus() throws Exception {
        return nimbusVerify(hs256Token, nimbusHs256Verifier);
    }

    // ---- JDK floors: the asymmetric step of a row alone --------------------------------
    private Signature jdkRs256;
    private PrivateKey jdkRs256Key;
    private byte[] rs256SigningInput;
    private Cipher jdkOaep;
    private PrivateKey jdkOaepKey;
    private byte[] jweRsaEncryptedKey;
    private KeyPairGenerator jdkEcGenerator;
    private KeyAgreement jdkEcdh;
    private PrivateKey jdkEcdhKey;
    private ECPublicKey jdkEcdhRecipient;
    private ECPublicKey jdkEcdhEpk;

    private void setUpJdkFloors(RSAKey signing) throws Exception {
        jdkRs256 = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdkRs256Key = signing.toRSAPrivateKey();
        rs256SigningInput = rs256Token.substring(0, rs256Token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        jdkOaep = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        jdkOaepKey = nimbusRsa.toRSAPrivateKey();
        jweRsaEncryptedKey = Base64.getUrlDecoder().decode(jweRsaCompact.split("\\.")[1]);
        jdkEcGenerator = KeyPairGenerator.getInstance("EC", "SunEC");
        jdkEcGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        jdkEcdh = KeyAgreement.getInstance("ECDH", "SunEC");
        jdkEcdhKey = nimbusEc.toECPrivateKey();
        jdkEcdhRecipient = nimbusEc.toECPublicKey();
        jdkEcdhEpk = JWEObject.parse(jweEcCompact).getHeader().getEphemeralPublicKey().toECKey().toECPublicKey();
    }

    /** RS256 floor: PKCS#1 v1.5 signature of a ready signing input with a ready key. */
    @Benchmark
    public byte[] jwsRs256SignJdk() throws Exception {
        jdkRs256.initSign(jdkRs256Key);
        jdkRs256.update(rs256SigningInput);
        return jdkRs256.sign();
    }

    /** RSA-OAEP decrypt floor: the OAEP decryption of the encrypted key only. */
    @Benchmark
    public byte[] jweRsaOaepA256GcmDecryptJdk() throws Exception {
        jdkOaep.init(Cipher.DECRYPT_MODE, jdkOaepKey,
                new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
        return jdkOaep.doFinal(jweRsaEncryptedKey);
    }

    /** ECDH-ES encrypt floor: an ephemeral P-256 key pair and its agreement with the recipient's key. */
    @Benchmark
    public byte[] jweEcdhEsA128KwA128GcmEncryptJdk() throws Exception {
        jdkEcdh.init(jdkEcGenerator.generateKeyPair().getPrivate());
        jdkEcdh.doPhase(jdkEcdhRecipient, true);
        return jdkEcdh.generateSecret();
    }

    /** ECDH-ES decrypt floor: the agreement of the recipient's key with a ready epk. */
    @Benchmark
    public byte[] jweEcdhEsA128KwA128GcmDecryptJdk() throws Exception {
        jdkEcdh.init(jdkEcdhKey);
        jdkEcdh.doPhase(jdkEcdhEpk, true);
        return jdkEcdh.generateSecret();
    }

    // ---- JWE rows (RSA-OAEP + A256GCM, ECDH-ES+A128KW + A128GCM) ------------------------
    private static final byte[] JWE_PLAINTEXT = new byte[256];
    private Jwk jweRsa;
    private Jwk jweEc;
    private JweDecrypter jweRsaDecrypter;
    private JweDecrypter jweEcDecrypter;
    private String jweRsaCompact;          // RSA-OAEP + A256GCM, made by us
    private String jweEcCompact;           // ECDH-ES+A128KW + A128GCM, made by us
    private RSAKey nimbusRsa;
    private ECKey nimbusEc;

    /** Called from {@link #setUp()}, which makes {@code jose} first. */
    private void setUpJwe() throws Exception {
        jweRsa = jose.generateRsa(2048);
        jweEc = jose.generateEc(EcCurve.P_256);
        jweRsaDecrypter = jose.jweDecrypter(JosePolicy.allowing(JweAlgorithm.RSA_OAEP, EncryptionMethod.A256GCM), jweRsa);
        jweEcDecrypter = jose.jweDecrypter(JosePolicy.allowing(JweAlgorithm.ECDH_ES_A128KW, EncryptionMethod.A128GCM), jweEc);
        jweRsaCompact = jose.jwe(JWE_PLAINTEXT, EncryptionMethod.A256GCM).recipient(JweAlgorithm.RSA_OAEP, jweRsa).compact();
        jweEcCompact = jose.jwe(JWE_PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.ECDH_ES_A128KW, jweEc).compact();
        nimbusRsa = (RSAKey) JWK.parse(jweRsa.toJson());
        nimbusEc = (ECKey) JWK.parse(jweEc.toJson());
    }

    @Benchmark
    public String jweRsaOaepA256GcmEncrypt() {
        return jose.jwe(JWE_PLAINTEXT, EncryptionMethod.A256GCM).recipient(JweAlgorithm.RSA_OAEP, jweRsa).compact();
    }

    @Benchmark
    public byte[] jweRsaOaepA256GcmDecrypt() {
        return jweRsaDecrypter.decrypt(jweRsaCompact).plaintext();
    }

    @Benchmark
    public String jweRsaOaepA256GcmEncryptNimbus() throws Exception {
        JWEObject o = new JWEObject(new JWEHeader(com.nimbusds.jose.JWEAlgorithm.RSA_OAEP, com.nimbusds.jose.EncryptionMethod.A256GCM),
                new Payload(JWE_PLAINTEXT));
        o.encrypt(new RSAEncrypter(nimbusRsa.toRSAPublicKey()));
        return o.serialize();
    }

    @Benchmark
    public byte[] jweRsaOaepA256GcmDecryptNimbus() throws Exception {
        JWEObject o = JWEObject.parse(jweRsaCompact);
        o.decrypt(new RSADecrypter(nimbusRsa.toRSAPrivateKey()));
        return o.getPayload().toBytes();
    }

    @Benchmark
    public String jweEcdhEsA128KwA128GcmEncrypt() {
        return jose.jwe(JWE_PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.ECDH_ES_A128KW, jweEc).compact();
    }

    @Benchmark
    public byte[] jweEcdhEsA128KwA128GcmDecrypt() {
        return jweEcDecrypter.decrypt(jweEcCompact).plaintext();
    }

    @Benchmark
    public String jweEcdhEsA128KwA128GcmEncryptNimbus() throws Exception {
        JWEObject o = new JWEObject(new JWEHeader(com.nimbusds.jose.JWEAlgorithm.ECDH_ES_A128KW, com.nimbusds.jose.EncryptionMethod.A128GCM),
                new Payload(JWE_PLAINTEXT));
        o.encrypt(new ECDHEncrypter(nimbusEc.toECPublicKey()));
        return o.serialize();
    }

    @Benchmark
    public byte[] jweEcdhEsA128KwA128GcmDecryptNimbus() throws Exception {
        JWEObject o = JWEObject.parse(jweEcCompact);
        o.decrypt(new ECDHDecrypter(nimbusEc));
        return o.getPayload().toBytes();
    }
}
