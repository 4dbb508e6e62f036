package org.lightwire.benchmarks.crypto;

import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.EcdsaFormat;
import org.lightwire.api.crypto.Hash;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.RsaSignatureScheme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The crypto backends side by side through the crypto SPI, the way Lightwire code calls
 * them (lws: OpenSSL against mbedTLS, README.build "Choosing your TLS poison"): SHA-256
 * over 1 KiB and 64 KiB, AES-256-GCM sealing 16 KiB, RSA-2048 PKCS#1 v1.5 signing and
 * verifying, ECDSA P-256 signing and verifying, and X25519 agreement. Keys and inputs are
 * made once per trial; every operation is the whole public call, including the per-call
 * key conversion each backend does. {@link CryptoRatios} prints the jca/bc table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CryptoBenchmark {

    @Param({"jca", "bc"})
    public String backend;

    private CryptoBackend crypto;
    private Hash sha256;
    private final byte[] digest = new byte[32];
    private final byte[] kib1 = new byte[1024];
    private final byte[] kib64 = new byte[64 * 1024];
    private final byte[] kib16 = new byte[16 * 1024];
    private final byte[] sealed = new byte[16 * 1024 + 16];
    private final byte[] aesKey = new byte[32];
    private final byte[] nonce = new byte[12];
    private final byte[] message = new byte[256];
    private KeyElements rsa;
    private KeyElements rsaPublic;
    private byte[] rsaSignature;
    private KeyElements p256;
    private KeyElements p256Public;
    private byte[] ecdsaSignature;
    private KeyElements x25519;
    private KeyElements x25519Peer;

    @Setup(Level.Trial)
    public void setUp() {
        crypto = ServiceLoader.load(CryptoBackend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals(backend)).findFirst()
                .orElseThrow(() -> new IllegalStateException("crypto backend '" + backend + "' is not on the class path"));
        Random random = new Random(5);
        for (byte[] b : new byte[][] {kib1, kib64, kib16, aesKey, nonce, message}) {
            random.nextBytes(b);
        }
        sha256 = crypto.hash(HashAlgorithm.SHA_256);
        rsa = crypto.rsa().generate(2048);
        rsaPublic = rsa.publicKey();
        rsaSignature = crypto.rsa().sign(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, rsa, message);
        p256 = crypto.ec().generate(EcCurve.P_256);
        p256Public = p256.publicKey();
        ecdsaSignature = crypto.ec().sign(HashAlgorithm.SHA_256, p256, message, EcdsaFormat.CONCATENATED);
        x25519 = crypto.x25519().generate();
        x25519Peer = crypto.x25519().generate().publicKey();
    }

    @Benchmark
    public byte[] sha256_1KiB() {
        sha256.update(kib1, 0, kib1.length);
        sha256.digest(digest, 0);
        return digest;
    }

    @Benchmark
    public byte[] sha256_64KiB() {
        sha256.update(kib64, 0, kib64.length);
        sha256.digest(digest, 0);
        return digest;
    }

    /** A GCM cipher is single-use by contract (no nonce reuse), so each seal makes one. */
    @Benchmark
    public byte[] aes256Gcm_16KiB() {
        AesCipher c = crypto.aes(CipherDirection.ENCRYPT, aesKey, AesParameters.gcm(nonce));
        c.doFinal(kib16, 0, kib16.length, sealed, 0);
        return sealed;
    }

    @Benchmark
    public byte[] rsa2048Sign() {
        return crypto.rsa().sign(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, rsa, message);
    }

    @Benchmark
    public boolean rsa2048Verify() {
        return crypto.rsa().verify(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, rsaPublic, message, rsaSignature);
    }

    @Benchmark
    public byte[] ecdsaP256Sign() {
        return crypto.ec().sign(HashAlgorithm.SHA_256, p256, message, EcdsaFormat.CONCATENATED);
    }

    @Benchmark
    public boolean ecdsaP256Verify() {
        return crypto.ec().verify(HashAlgorithm.SHA_256, p256Public, message, ecdsaSignature, EcdsaFormat.CONCATENATED);
    }

    @Benchmark
    public byte[] x25519Agree() {
        return crypto.x25519().agree(x25519, x25519Peer);
    }
}
