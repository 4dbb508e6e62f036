package org.lightwire.jose.internal;

import java.util.ArrayList;
import java.util.List;
import org.lightwire.jose.AlgorithmRejectedException;
import org.lightwire.jose.JoseException;
import org.lightwire.jose.JosePolicy;
import org.lightwire.jose.Jwk;
import org.lightwire.jose.JwkSet;
import org.lightwire.jose.JwsAlgorithm;
import org.lightwire.jose.JwsBuilder;
import org.lightwire.jose.JwsSigner;
import org.lightwire.jose.KeyOperation;
import org.lightwire.jose.VerifiedJws;

/** {@code lightwire jws}: sign stdin, or verify a JWS on stdin and print its payload (lws' minimal-crypto-jws). */
public final class JwsTool extends ToolCommand {

    static final String USAGE = """
            Usage: lightwire jws sign --key FILE --alg ALG [--json|--general] [--detached] < payload
                   lightwire jws verify --key FILE [--alg ALG]... [--payload FILE] < jws
              sign prints a compact JWS (flattened JSON with --json, general JSON with --general);
              --detached leaves the payload out.
              verify accepts compact, flattened or general JSON; prints the payload; exit 1 if no signature
              verifies. --alg (repeatable, or a comma list) limits the algorithms accepted: default every
              algorithm except "none", which is never accepted here. --payload FILE gives a detached payload.
              ALG: HS256 HS384 HS512 RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512 (or ES521) EdDSA.
              FILE holds a JWK, a JWK set (the first key that fits is used) or PEM.
              Every command takes --backend NAME (jca, bc) to choose the crypto backend.
            Exit status: 0 done, 1 failure or invalid signature (message on stderr), 2 bad usage.
            """;

    @Override
    public String name() {
        return "jws";
    }

    @Override
    protected String usage() {
        return USAGE;
    }

    @Override
    protected List<String> subcommands() {
        return List.of("sign", "verify");
    }

    @Override
    protected List<String> valuedOptions(String sub) {
        return sub.equals("sign") ? List.of("key", "alg") : List.of("key", "alg", "payload");
    }

    @Override
    protected List<String> flagOptions(String sub) {
        return sub.equals("sign") ? List.of("json", "general", "detached") : List.of();
    }

    @Override
    protected int execute(String sub, Io io) throws Exception {
        ToolArguments a = io.args();
        if (!a.positionals().isEmpty()) {
            throw new ToolArguments.UsageException("unexpected argument '" + a.positionals().get(0) + "'");
        }
        String keyFile = a.required("key");
        if (sub.equals("sign")) {
            JwsAlgorithm alg = algorithm(a.required("alg"));
            if (a.flag("json") && a.flag("general")) {
                throw new ToolArguments.UsageException("--json and --general exclude each other");
            }
            JwkSet keys = io.jose().readKeys(io.file(keyFile));
            JosePolicy policy = JosePolicy.allowing(alg);
            Jwk key = keys.first(k -> k.isPrivate() && policy.keyFits(alg, k, KeyOperation.SIGN))
                    .orElseThrow(() -> new AlgorithmRejectedException(keyFile + ": no private key fits " + alg.jwaName()));
            JwsSigner signer = io.jose().signer(key, alg);
            JwsBuilder b = io.jose().jws(io.stdin());
            if (a.flag("detached")) {
                b.detached();
            }
            b.sign(signer);
            io.println(a.flag("json") ? b.flattened() : a.flag("general") ? b.general() : b.compact());
            return 0;
        }
        JosePolicy.Builder pb = JosePolicy.builder();
        List<String> algs = a.values("alg");
        if (algs.isEmpty()) {
            for (JwsAlgorithm x : JwsAlgorithm.values()) {
                if (x != JwsAlgorithm.NONE) {
                    pb.allow(x);
                }
            }
        } else {
            List<JwsAlgorithm> list = new ArrayList<>();
            for (String s : algs) {
                JwsAlgorithm x = algorithm(s);
                list.add(x);
            }
            pb.allow(list);
        }
        JwkSet keys = io.jose().readKeys(io.file(keyFile));
        String jws = io.stdinText().strip();
        String detached = a.value("payload");
        VerifiedJws v = detached == null ? io.jose().verifier(pb.build(), keys).verify(jws)
                : io.jose().verifier(pb.build(), keys).verifyDetached(jws, java.nio.file.Files.readAllBytes(java.nio.file.Path.of(detached)));
        io.out().write(v.payload());
        return 0;
    }

    private static JwsAlgorithm algorithm(String name) throws ToolArguments.UsageException {
        try {
            JwsAlgorithm alg = JwsAlgorithm.ofJwaName(name);
            if (alg == JwsAlgorithm.NONE) {
                throw new ToolArguments.UsageException("--alg none: unsecured JWS is not supported by this tool");
            }
            return alg;
        } catch (JoseException e) {
            throw new ToolArguments.UsageException("--alg: unknown algorithm '" + name + "'");
        }
    }
}
