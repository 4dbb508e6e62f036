package org.lightwire.jose.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.spi.ToolProvider;
import org.lightwire.api.LightwireException;
import org.lightwire.jose.Jose;
import org.lightwire.jose.JoseLimits;

/**
 * The shared shape of the JOSE command-line tools (lws' minimal-crypto-* examples as
 * {@code lightwire} subcommands): one {@link ToolProvider} per tool, each with
 * subcommands, {@code --help}, stdin in and stdout out, exit 0 on success, 1 on a failure,
 * 2 on bad usage, errors as one line on stderr. Every tool takes {@code --backend NAME} to
 * pick the crypto backend (default: the highest-ranked one visible). Adding a tool is one
 * subclass plus one line in the module's {@code provides} and in
 * {@code META-INF/services/java.util.spi.ToolProvider}.
 */
public abstract class ToolCommand implements ToolProvider {

    /** Largest stdin or key file read (a JWS payload, a key, a PEM chain): 16 MiB. */
    static final int MAX_INPUT = 16 * 1024 * 1024;

    /** What a subcommand sees: its arguments, stdin, stdout, the backend. */
    protected record Io(ToolArguments args, InputStream in, OutputStream out, PrintStream err, Jose jose) {

        /** All of stdin, bounded. */
        public byte[] stdin() throws IOException {
            return readBounded(in, "standard input");
        }

        public String stdinText() throws IOException {
            return new String(stdin(), StandardCharsets.UTF_8);
        }

        /** A key file's text (JWK, JWK set or PEM). */
        public String file(String path) throws IOException {
            try (InputStream f = Files.newInputStream(Path.of(path))) {
                return new String(readBounded(f, path), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IOException(path + ": no such file");
            }
        }

        public void println(String s) throws IOException {
            out.write((s + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] readBounded(InputStream in, String what) throws IOException {
        byte[] b = in.readNBytes(MAX_INPUT + 1);
        if (b.length > MAX_INPUT) {
            throw new IOException(what + ": more than " + MAX_INPUT + " bytes");
        }
        return b;
    }

    /** The usage text printed by {@code --help}. */
    protected abstract String usage();

    /** The subcommands this tool has. */
    protected abstract List<String> subcommands();

    /** Options taking a value, for {@code subcommand} ({@code backend} is added). */
    protected abstract List<String> valuedOptions(String subcommand);

    /** Flag options for {@code subcommand}. */
    protected abstract List<String> flagOptions(String subcommand);

    /** Runs {@code subcommand}; returns the exit status. */
    protected abstract int execute(String subcommand, Io io) throws Exception;

    @Override
    public final int run(PrintWriter out, PrintWriter err, String... args) {
        // text-only callers: collect the bytes and hand them over as UTF-8
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status;
        try (PrintStream ep = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            status = run(System.in, o, ep, args);
        }
        out.write(o.toString(StandardCharsets.UTF_8));
        err.write(e.toString(StandardCharsets.UTF_8));
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public final int run(PrintStream out, PrintStream err, String... args) {
        return run(System.in, out, err, args);
    }

    /** Runs with explicit streams (tests, and the byte-exact output of {@code jws verify}). */
    public final int run(InputStream in, OutputStream out, PrintStream err, String... args) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        try {
            if (list.isEmpty() || list.get(0).equals("--help") || list.get(0).equals("-h") || list.get(0).equals("help")) {
                out.write(usage().getBytes(StandardCharsets.UTF_8));
                out.flush();
                return list.isEmpty() ? 2 : 0;
            }
            String sub = list.remove(0);
            if (!subcommands().contains(sub)) {
                throw new ToolArguments.UsageException("unknown subcommand '" + sub + "' (" + String.join(", ", subcommands()) + ")");
            }
            if (list.contains("--help") || list.contains("-h")) {
                out.write(usage().getBytes(StandardCharsets.UTF_8));
                out.flush();
                return 0;
            }
            List<String> valued = new ArrayList<>(valuedOptions(sub));
            valued.add("backend");
            ToolArguments a = ToolArguments.parse(list, java.util.Set.copyOf(valued), java.util.Set.copyOf(flagOptions(sub)));
            String backend = a.value("backend");
            Jose jose = (backend == null ? Jose.standalone() : Jose.standalone(backend)).withLimits(JoseLimits.fromSystemProperties());
            int status = execute(sub, new Io(a, in, out, err, jose));
            out.flush();
            return status;
        } catch (ToolArguments.UsageException e) {
            err.println("lightwire: " + name() + ": " + e.getMessage() + " (see lightwire " + name() + " --help)");
            return 2;
        } catch (LightwireException | IOException | UncheckedIOException e) {
            err.println("lightwire: " + name() + ": " + oneLine(e.getMessage()));
            return 1;
        } catch (Exception e) {
            err.println("lightwire: " + name() + ": " + e);
            return 1;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "failed" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
