package org.lightwire.crypto.bc;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.Ec;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.EcdsaFormat;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;

/**
 * {@link Ec} on BC's lightweight ECDSA and ECDH (lws {@code lws_genecdsa_*} and
 * {@code lws_genecdh_*} on mbedTLS). Signatures are deterministic (RFC 6979, as mbedTLS
 * does when built with deterministic ECDSA): no signature depends on the quality of the
 * random generator at signing time.
 */
final class BcEc implements Ec {

    private final SecureRandom random;

    BcEc(SecureRandom random) {
        this.random = random;
    }

    @Override
    public KeyElements generate(EcCurve curve) {
        Objects.requireNonNull(curve, "curve");
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(EcKeys.domain(curve), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return EcKeys.elements(curve, ((ECPublicKeyParameters) pair.getPublic()).getQ(),
                ((ECPrivateKeyParameters) pair.getPrivate()).getD());
    }

    @Override
    public void check(KeyElements key) {
        ECPublicKeyParameters pub = EcKeys.publicParameters(key);
        if (key.isPrivate()) {
            ECPrivateKeyParameters priv = EcKeys.privateParameters(key);
            ECPoint derived = new FixedPointCombMultiplier().multiply(priv.getParameters().getG(), priv.getD());
            if (!derived.equals(pub.getQ())) {
                throw new BadKeyException("EC " + key.ecCurve().jwkName() + ": X, Y are not D times the base point");
            }
        }
    }

    @Override
    public byte[] sign(HashAlgorithm hash, KeyElements privateKey, byte[] message, EcdsaFormat format) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(format, "format");
        ECPrivateKeyParameters key = EcKeys.privateParameters(privateKey);
        byte[] digest = digest(hash, message);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(Digests.create(hash)));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(digest);
        try {
            return encoding(format).encode(key.getParameters().getN(), rs[0], rs[1]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("ECDSA: encoding a fresh signature failed", e);
        }
    }

    @Override
    public boolean verify(HashAlgorithm hash, KeyElements publicKey, byte[] message, byte[] signature, EcdsaFormat format) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(format, "format");
        ECPublicKeyParameters key = EcKeys.publicParameters(publicKey);
        BigInteger[] rs;
        try {
            // both encodings check R and S are in 1..n-1; DER decoding also insists on strict DER
            rs = encoding(format).decode(key.getParameters().getN(), signature);
        } catch (java.io.IOException | RuntimeException e) {
            // BC's decoders throw assorted runtime exceptions on hostile input (even NPE on empty DER)
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(digest(hash, message), rs[0], rs[1]);
    }

    @Override
    public byte[] agree(KeyElements privateKey, KeyElements peerPublicKey) {
        EcCurve mine = EcKeys.curve(privateKey);
        EcCurve theirs = EcKeys.curve(peerPublicKey);
        if (mine != theirs) {
            throw new BadKeyException("ECDH: private key is on " + mine.jwkName() + ", peer key on " + theirs.jwkName());
        }
        ECPrivateKeyParameters key = EcKeys.privateParameters(privateKey);
        ECPublicKeyParameters peer = EcKeys.publicParameters(peerPublicKey);
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(key);
        BigInteger z = agreement.calculateAgreement(peer);
        return BigIntegers.asUnsignedByteArray(mine.fieldLength(), z);
    }

    private static byte[] digest(HashAlgorithm hash, byte[] message) {
        ExtendedDigest d = Digests.create(hash);
        d.update(message, 0, message.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    private static DSAEncoding encoding(EcdsaFormat format) {
        return format == EcdsaFormat.DER ? StandardDSAEncoding.INSTANCE : PlainDSAEncoding.INSTANCE;
    }
}
