/**
 * The BouncyCastle crypto backend (lws: the mbedTLS build), named "bc": every primitive of
 * the generic crypto layer on BC's lightweight API, X.509 on bcpkix, TLS engines from
 * BCJSSE. BC's JCA providers are used only as private instances; the JVM-wide provider
 * list is never touched, so installing or removing this module changes nothing for code
 * that does not ask for it.
 *
 * <p>BouncyCastle itself is inside this jar (bcprov, bcutil, bcpkix and bctls 1.84, their
 * classes copied in by bnd): one file to drop into a plugin directory or remove, in OSGi
 * and on the module path alike. The pom compiles this module with BC's jars patched into it
 * ({@code --patch-module}), as they will be at run time, so this descriptor requires only
 * the JDK modules BC's own code needs, and can export BC's provider packages to
 * {@code java.base}: the JCA and JSSE frameworks there instantiate a provider's service
 * classes reflectively. Those qualified exports open nothing to any other module.
 *
 * <p>Exports nothing: the backend is reached through
 * {@link org.lightwire.api.crypto.CryptoBackend} only.
 */
module org.lightwire.crypto.bc {
    requires org.lightwire.spi;
    // RFC 6125 host name matching and the peer relaxations' trust manager, one copy for all backends
    requires org.lightwire.tls.verify;
    // BC logs through java.util.logging (CryptoServicesRegistrar, BCJSSE)
    requires java.logging;
    // only BC's LDAP certificate stores use these; never reached from here
    requires static java.naming;
    requires static java.sql;

    // BC's JCA provider (BouncyCastleProvider) and JSSE provider (BCJSSE) service classes,
    // for java.security.Provider.Service#newInstance; generated from the packages bnd copies in
    exports org.bouncycastle.jcajce.provider.asymmetric to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.compositesignatures to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.dh to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.dsa to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.dstu to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.ec to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.ecgost to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.ecgost12 to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.edec to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.elgamal to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.gost to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.ies to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.mldsa to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.mlkem to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.rsa to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.slhdsa to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.util to java.base;
    exports org.bouncycastle.jcajce.provider.asymmetric.x509 to java.base;
    exports org.bouncycastle.jcajce.provider.config to java.base;
    exports org.bouncycastle.jcajce.provider.digest to java.base;
    exports org.bouncycastle.jcajce.provider.drbg to java.base;
    exports org.bouncycastle.jcajce.provider.kdf to java.base;
    exports org.bouncycastle.jcajce.provider.kdf.hkdf to java.base;
    exports org.bouncycastle.jcajce.provider.kdf.pbkdf2 to java.base;
    exports org.bouncycastle.jcajce.provider.kdf.scrypt to java.base;
    exports org.bouncycastle.jcajce.provider.keystore to java.base;
    exports org.bouncycastle.jcajce.provider.keystore.bc to java.base;
    exports org.bouncycastle.jcajce.provider.keystore.bcfks to java.base;
    exports org.bouncycastle.jcajce.provider.keystore.pkcs12 to java.base;
    exports org.bouncycastle.jcajce.provider.keystore.util to java.base;
    exports org.bouncycastle.jcajce.provider.symmetric to java.base;
    exports org.bouncycastle.jcajce.provider.symmetric.util to java.base;
    exports org.bouncycastle.jcajce.provider.util to java.base;
    exports org.bouncycastle.jce.provider to java.base;
    exports org.bouncycastle.jsse.provider to java.base;
    exports org.bouncycastle.pqc.jcajce.provider to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.bike to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.cmce to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.dilithium to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.falcon to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.frodo to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.hqc to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.kyber to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.lms to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.mayo to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.newhope to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.ntru to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.ntruplus to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.ntruprime to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.picnic to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.saber to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.snova to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.sphincs to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.sphincsplus to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.util to java.base;
    exports org.bouncycastle.pqc.jcajce.provider.xmss to java.base;

    provides org.lightwire.api.crypto.CryptoBackend with org.lightwire.crypto.bc.BcCryptoBackend;
}
