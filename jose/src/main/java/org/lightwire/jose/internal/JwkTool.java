package org.lightwire.jose.internal;

import java.util.List;
import java.util.Locale;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.jose.Jwk;
import org.lightwire.jose.JwkSet;
import org.lightwire.jose.KeyUse;

/**
 * {@code lightwire jwk}: make a key, print a key's public part, its RFC 7638 thumbprint, or
 * its PEM form (lws' minimal-crypto-jwk).
 */
public final class JwkTool extends ToolCommand {

    static final String USAGE = """
            Usage: lightwire jwk gen --kty RSA|EC|oct|OKP [--bits N] [--crv CURVE] [--kid ID] [--use sig|enc] [--alg ALG]
                   lightwire jwk public < key          print the public part (a set stays a set)
                   lightwire jwk thumbprint < key      print the RFC 7638 SHA-256 thumbprint
                   lightwire jwk pem < key             print the key as PEM (PRIVATE KEY or PUBLIC KEY)
              gen prints a new private JWK. --bits: RSA modulus (default 2048), oct key size (default 256).
              --crv: P-256 (EC default), P-384, P-521; Ed25519 (OKP default), X25519.
              A key on stdin may be a JWK, a JWK set (its first key, or every key for 'public') or PEM.
              Every command takes --backend NAME (jca, bc) to choose the crypto backend.
            Exit status: 0 done, 1 failure (message on stderr), 2 bad usage.
            """;

    @Override
    public String name() {
        return "jwk";
    }

    @Override
    protected String usage() {
        return USAGE;
    }

    @Override
    protected List<String> subcommands() {
        return List.of("gen", "public", "thumbprint", "pem");
    }

    @Override
    protected List<String> valuedOptions(String sub) {
        return sub.equals("gen") ? List.of("kty", "bits", "crv", "kid", "use", "alg") : List.of();
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
        switch (sub) {
            case "gen" -> io.println(generate(io).toJson());
            case "public" -> {
                String text = io.stdinText();
                JwkSet keys = io.jose().readKeys(text);
                boolean isSet = !PemBlocks.isPem(text) && text.contains("\"keys\"");
                io.println(isSet ? keys.toPublicJson() : first(keys).toPublicJson());
            }
            case "thumbprint" -> io.println(io.jose().thumbprint(first(io.jose().readKeys(io.stdinText()))));
            case "pem" -> io.out().write(io.jose().toPem(first(io.jose().readKeys(io.stdinText()))).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            default -> throw new ToolArguments.UsageException("unknown subcommand " + sub);
        }
        return 0;
    }

    private static Jwk first(JwkSet keys) throws ToolArguments.UsageException {
        if (keys.isEmpty()) {
            throw new org.lightwire.jose.MalformedJoseException("no usable key on standard input");
        }
        return keys.keys().get(0);
    }

    private static Jwk generate(Io io) throws ToolArguments.UsageException {
        ToolArguments a = io.args();
        String ktyName = a.required("kty");
        KeyType kty = switch (ktyName.toUpperCase(Locale.ROOT)) {
            case "RSA" -> KeyType.RSA;
            case "EC" -> KeyType.EC;
            case "OCT" -> KeyType.OCT;
            case "OKP" -> KeyType.OKP;
            default -> throw new ToolArguments.UsageException("--kty must be RSA, EC, oct or OKP, not '" + ktyName + "'");
        };
        if (a.value("bits") != null && (kty == KeyType.EC || kty == KeyType.OKP)) {
            throw new ToolArguments.UsageException("--bits is for RSA and oct keys; EC and OKP take --crv");
        }
        if (a.value("crv") != null && (kty == KeyType.RSA || kty == KeyType.OCT)) {
            throw new ToolArguments.UsageException("--crv is for EC and OKP keys");
        }
        int bits = a.intValue("bits", kty == KeyType.RSA ? 2048 : 256);
        String crv = a.value("crv") != null ? a.value("crv") : kty == KeyType.EC ? "P-256" : "Ed25519";
        KeyUse use = null;
        if (a.value("use") != null) {
            try {
                use = KeyUse.ofJwkName(a.value("use"));
            } catch (org.lightwire.jose.MalformedJoseException e) {
                throw new ToolArguments.UsageException("--use must be sig or enc");
            }
        }
        Jwk key = io.jose().generate(kty, bits, crv);
        return key.toBuilder().kid(a.value("kid")).use(use).alg(a.value("alg")).build();
    }
}
