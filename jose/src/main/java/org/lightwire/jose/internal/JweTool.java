package org.lightwire.jose.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import org.lightwire.jose.EncryptionMethod;
import org.lightwire.jose.JoseAlgorithm;
import org.lightwire.jose.Jose;
import org.lightwire.jose.JoseException;
import org.lightwire.jose.JosePolicy;
import org.lightwire.jose.Jwe;
import org.lightwire.jose.JweAlgorithm;
import org.lightwire.jose.JweBuilder;
import org.lightwire.jose.Jwk;
import org.lightwire.jose.JwkSet;

/**
 * {@code lightwire jwe}: encrypts stdin to a JWE or decrypts a JWE from stdin (lws'
 * {@code minimal-crypto-jwe} example as a tool). Key files hold a JWK, a JWK set (the first
 * key that fits is used) or PEM. Exit 0 on success, 1 when the input or key is refused
 * (one line on stderr naming why), 2 on bad usage.
 */
public final class JweTool implements ToolProvider {

    static final String USAGE = String.join("\n",
            "usage: lightwire jwe encrypt --key FILE --alg ALG --enc ENC [--json] [--zip] [--backend NAME]",
            "       lightwire jwe decrypt --key FILE [--allow NAME,...] [--max-zip BYTES] [--backend NAME]",
            "",
            "encrypt  reads the plaintext on stdin and prints the JWE (compact; --json: general JSON)",
            "decrypt  reads a JWE (any serialisation) on stdin and prints the plaintext; exit 1 if it does not decrypt",
            "",
            "  --key FILE       a JWK, a JWK set (first fitting key) or PEM",
            "  --alg ALG        " + names(JweAlgorithm.values()),
            "  --enc ENC        " + names(EncryptionMethod.values()),
            "  --zip            compress the plaintext (\"zip\":\"DEF\")",
            "  --allow LIST     algorithms decryption accepts (alg and enc names; default: all of the above)",
            "  --max-zip BYTES  largest decompressed plaintext (default: the payload limit, 1 MiB)",
            "  --backend NAME   crypto backend (jca, bc; default: the highest ranked)");

    @Override
    public String name() {
        return "jwe";
    }

    @Override
    public int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)} with {@code in} as stdin (tests). */
    public int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("jwe: " + e.getMessage());
            err.println(USAGE);
            err.flush();
            return 2;
        }
        if (o.help) {
            out.println(USAGE);
            out.flush();
            return 0;
        }
        try {
            Jose jose = o.backend == null ? Jose.standalone() : Jose.standalone(o.backend);
            JwkSet keys = jose.readKeys(readKeyFile(o.keyFile, jose));
            byte[] input = readStdin(in, jose.limits().maxObjectChars());
            if (o.command.equals("encrypt")) {
                out.println(encrypt(jose, keys, input, o));
            } else {
                JosePolicy policy = JosePolicy.builder().allow(o.allowed).build();
                var decrypter = jose.jweDecrypter(policy, keys);
                if (o.maxZip > 0) {
                    decrypter = decrypter.maxDecompressedBytes(o.maxZip);
                }
                out.print(new String(decrypter.decrypt(new String(input, StandardCharsets.US_ASCII)).plaintext(), StandardCharsets.UTF_8));
            }
            out.flush();
            return 0;
        } catch (JoseException | IOException e) {
            err.println("jwe " + o.command + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static String encrypt(Jose jose, JwkSet keys, byte[] plaintext, Options o) {
        JoseAlgorithm fitted = o.alg == JweAlgorithm.DIR ? o.enc : o.alg;
        Jwk key = keys.first(k -> JosePolicy.allowing(fitted).keyFits(fitted, k, o.alg.encryptOperation()))
                .orElseThrow(() -> new JoseException(o.keyFile + ": no key fits " + o.alg.jwaName() + "/" + o.enc.jwaName()));
        JweBuilder b = jose.jwe(plaintext, o.enc).recipient(o.alg, key);
        if (o.zip) {
            b.compress();
        }
        Jwe jwe = b.encrypt();
        return o.json ? jwe.general() : jwe.compact();
    }

    private static String readKeyFile(String file, Jose jose) throws IOException {
        Path p = Path.of(file);
        try {
            if (Files.size(p) > jose.limits().maxKeyChars() * 4L) {
                throw new JoseException(file + ": larger than a key file can be");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        }
    }

    private static byte[] readStdin(InputStream in, int max) throws IOException {
        byte[] data = in.readNBytes(max + 1);
        if (data.length > max) {
            throw new JoseException("stdin: more than " + max + " bytes");
        }
        return data;
    }

    private static String names(JoseAlgorithm[] all) {
        List<String> n = new ArrayList<>();
        for (JoseAlgorithm a : all) {
            n.add(a.jwaName());
        }
        return String.join(", ", n);
    }

    /** The command line, checked. */
    private static final class Options {
        boolean help;
        String command = "";
        String keyFile;
        JweAlgorithm alg;
        EncryptionMethod enc;
        boolean json;
        boolean zip;
        String backend;
        int maxZip;
        List<JoseAlgorithm> allowed = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            if (args.length == 0) {
                throw new IllegalArgumentException("encrypt or decrypt expected");
            }
            int i = 0;
            if (args[0].equals("--help") || args[0].equals("-h")) {
                o.help = true;
                return o;
            }
            o.command = args[i++];
            if (!o.command.equals("encrypt") && !o.command.equals("decrypt")) {
                throw new IllegalArgumentException("unknown command \"" + o.command + "\" (encrypt or decrypt)");
            }
            while (i < args.length) {
                String a = args[i++];
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--json" -> o.json = true;
                    case "--zip" -> o.zip = true;
                    case "--key" -> o.keyFile = value(args, i++, a);
                    case "--backend" -> o.backend = value(args, i++, a);
                    case "--alg" -> o.alg = algorithm(value(args, i++, a));
                    case "--enc" -> o.enc = method(value(args, i++, a));
                    case "--max-zip" -> o.maxZip = positive(value(args, i++, a), a);
                    case "--allow" -> {
                        for (String n : value(args, i++, a).split(",")) {
                            o.allowed.add(allowed(n.strip()));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.help) {
                return o;
            }
            if (o.keyFile == null) {
                throw new IllegalArgumentException("--key FILE is required");
            }
            if (o.command.equals("encrypt")) {
                if (o.alg == null || o.enc == null) {
                    throw new IllegalArgumentException("encrypt needs --alg and --enc");
                }
            } else {
                if (o.alg != null || o.enc != null || o.json || o.zip) {
                    throw new IllegalArgumentException("decrypt takes its algorithms from the JWE; restrict them with --allow");
                }
                if (o.allowed.isEmpty()) {
                    o.allowed.addAll(List.of(JweAlgorithm.values()));
                    o.allowed.addAll(List.of(EncryptionMethod.values()));
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String v, String option) {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + ": \"" + v + "\" is not a positive integer");
        }

        private static JweAlgorithm algorithm(String name) {
            try {
                return JweAlgorithm.ofJwaName(name);
            } catch (JoseException e) {
                throw new IllegalArgumentException("--alg: unknown \"" + name + "\" (" + names(JweAlgorithm.values()) + ")");
            }
        }

        private static EncryptionMethod method(String name) {
            try {
                return EncryptionMethod.ofJwaName(name);
            } catch (JoseException e) {
                throw new IllegalArgumentException("--enc: unknown \"" + name + "\" (" + names(EncryptionMethod.values()) + ")");
            }
        }

        private static JoseAlgorithm allowed(String name) {
            for (JweAlgorithm a : JweAlgorithm.values()) {
                if (a.jwaName().equals(name)) {
                    return a;
                }
            }
            for (EncryptionMethod m : EncryptionMethod.values()) {
                if (m.jwaName().equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--allow: unknown algorithm \"" + name + "\"");
        }
    }
}
