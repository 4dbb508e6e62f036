package org.lightwire.jose.internal;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.jose.Jwk;
import org.lightwire.jose.MalformedJoseException;

/**
 * {@code lightwire x509}: show what a PEM certificate chain says, or turn a certificate or
 * private key into a JWK (lws' minimal-crypto-x509, through the SPI's X.509 support).
 */
public final class X509Tool extends ToolCommand {

    static final String USAGE = """
            Usage: lightwire x509 show < cert.pem      subject, issuer, serial, validity, SANs and key of each certificate
                   lightwire x509 jwk < cert-or-key.pem
              jwk prints the certificate's public key as a JWK with the chain in x5c, or a private key as a
              private JWK (PKCS#8, PKCS#1 RSA or SEC1 EC PEM).
              Every command takes --backend NAME (jca, bc) to choose the crypto backend.
            Exit status: 0 done, 1 failure (message on stderr), 2 bad usage.
            """;

    @Override
    public String name() {
        return "x509";
    }

    @Override
    protected String usage() {
        return USAGE;
    }

    @Override
    protected List<String> subcommands() {
        return List.of("show", "jwk");
    }

    @Override
    protected List<String> valuedOptions(String sub) {
        return List.of();
    }

    @Override
    protected List<String> flagOptions(String sub) {
        return List.of();
    }

    @Override
    protected int execute(String sub, Io io) throws Exception {
        if (!io.args().positionals().isEmpty()) {
            throw new ToolArguments.UsageException("unexpected argument '" + io.args().positionals().get(0) + "'");
        }
        String text = io.stdinText();
        if (sub.equals("jwk")) {
            io.println(io.jose().fromPem(text).toJson());
            return 0;
        }
        List<X509Certificate> certs;
        try {
            certs = io.jose().backend().x509().certificates(text.getBytes(StandardCharsets.US_ASCII));
        } catch (org.lightwire.api.crypto.CryptoException e) {
            throw new MalformedJoseException("standard input: " + e.getMessage(), e);
        }
        for (int i = 0; i < certs.size(); i++) {
            X509Certificate c = certs.get(i);
            if (certs.size() > 1) {
                io.println("certificate " + (i + 1) + " of " + certs.size());
            }
            io.println("subject:    " + c.getSubjectX500Principal().getName());
            io.println("issuer:     " + c.getIssuerX500Principal().getName());
            io.println("serial:     " + c.getSerialNumber().toString(16));
            io.println("not before: " + c.getNotBefore().toInstant());
            io.println("not after:  " + c.getNotAfter().toInstant());
            io.println("SANs:       " + sans(c));
            io.println("CA:         " + (c.getBasicConstraints() >= 0 ? "yes" : "no"));
            KeyElements k = io.jose().backend().x509().publicKey(c);
            Jwk jwk = Jwk.builder(k).build();
            io.println("key:        " + keyText(jwk));
            io.println("thumbprint: " + io.jose().thumbprint(jwk) + " (RFC 7638, SHA-256)");
            io.println("signature:  " + c.getSigAlgName());
        }
        return 0;
    }

    private static String keyText(Jwk k) {
        return switch (k.keyType()) {
            case RSA -> "RSA " + k.bits() + " bits";
            case EC -> "EC " + k.ecCurve().orElseThrow().jwkName();
            case OKP -> "OKP " + k.okpCurve().orElseThrow().jwkName();
            default -> k.keyType().jwkName();
        };
    }

    private static String sans(X509Certificate c) throws CertificateParsingException {
        Collection<List<?>> names = c.getSubjectAlternativeNames();
        if (names == null || names.isEmpty()) {
            return "(none)";
        }
        List<String> out = new ArrayList<>();
        for (List<?> n : names) {
            int type = (Integer) n.get(0);
            String prefix = switch (type) {
                case 1 -> "email:";
                case 2 -> "DNS:";
                case 6 -> "URI:";
                case 7 -> "IP:";
                default -> "type" + type + ":";
            };
            out.add(prefix + n.get(1));
        }
        return String.join(", ", out);
    }
}
