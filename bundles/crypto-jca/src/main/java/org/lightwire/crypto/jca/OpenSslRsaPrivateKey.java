package org.lightwire.crypto.jca;

import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.AlgorithmParameterSpec;
import org.lightwire.crypto.jca.ossl.NativeKey;

/** An RSA private key (with CRT elements) that {@link OpenSslSignatures} signs with on OpenSSL. */
final class OpenSslRsaPrivateKey extends OpenSslPrivateKey implements RSAPrivateCrtKey {

    private static final long serialVersionUID = 1L;

    private final RSAPrivateCrtKey rsa;

    OpenSslRsaPrivateKey(RSAPrivateCrtKey jdk, NativeKey nativeKey) {
        super(jdk, nativeKey);
        this.rsa = jdk;
    }

    @Override
    public AlgorithmParameterSpec getParams() {
        return rsa.getParams();
    }

    @Override
    public BigInteger getModulus() {
        return rsa.getModulus();
    }

    @Override
    public BigInteger getPrivateExponent() {
        return rsa.getPrivateExponent();
    }

    @Override
    public BigInteger getPublicExponent() {
        return rsa.getPublicExponent();
    }

    @Override
    public BigInteger getPrimeP() {
        return rsa.getPrimeP();
    }

    @Override
    public BigInteger getPrimeQ() {
        return rsa.getPrimeQ();
    }

    @Override
    public BigInteger getPrimeExponentP() {
        return rsa.getPrimeExponentP();
    }

    @Override
    public BigInteger getPrimeExponentQ() {
        return rsa.getPrimeExponentQ();
    }

    @Override
    public BigInteger getCrtCoefficient() {
        return rsa.getCrtCoefficient();
    }
}
