package org.lightwire.it.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curl command line as a real HTTP peer. Each call runs one curl process with
 * {@code -sS} (quiet, errors shown); the body comes from stdout untouched (binary-safe),
 * the response headers from a {@code -D} dump file (so {@code --include} never mixes them
 * into a body), and {@code -v} output, when asked for, from stderr. A missing curl fails
 * the test naming the Debian package to install.
 */
public final class Curl {

    private Curl() {
    }

    /** One curl run: exit status, the body written to stdout, the -v / error text, and the last response's headers. */
    public record Result(int exit, byte[] body, String stderr, List<Response> responses) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The last response (after redirects curl followed, if any). */
        public Response last() {
            if (responses.isEmpty()) {
                throw new AssertionError("curl got no response (exit " + exit + "): " + stderr);
            }
            return responses.get(responses.size() - 1);
        }

        public int status() {
            return last().status();
        }

        public Optional<String> header(String name) {
            return last().header(name);
        }

        @Override
        public String toString() {
            return "curl exit " + exit + ", responses " + responses + ", stderr:\n" + stderr;
        }
    }

    /** A response's status line and header fields as curl dumped them. */
    public record Response(String statusLine, int status, List<String[]> fields) {

        public Optional<String> header(String name) {
            for (String[] f : fields) {
                if (f[0].equalsIgnoreCase(name)) {
                    return Optional.of(f[1]);
                }
            }
            return Optional.empty();
        }

        public List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (String[] f : fields) {
                if (f[0].equalsIgnoreCase(name)) {
                    values.add(f[1]);
                }
            }
            return values;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(statusLine);
            for (String[] f : fields) {
                sb.append(" | ").append(f[0]).append(": ").append(f[1]);
            }
            return sb.toString();
        }
    }

    private static final Pattern STATUS = Pattern.compile("^HTTP/[0-9.]+ (\\d{3})(?: .*)?$");

    /** Runs {@code curl -sS -D <headers> ARGS...}, allowing 30 s. */
    public static Result run(String... args) throws IOException, InterruptedException {
        java.nio.file.Path headerFile = java.nio.file.Files.createTempFile("curl-headers", ".txt");
        try {
            List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "25", "-D", headerFile.toString()));
            cmd.addAll(List.of(args));
            Process p;
            try {
                p = new ProcessBuilder(cmd).start();
            } catch (IOException e) {
                throw new AssertionError("curl is needed as the HTTP peer of these tests and could not be started ("
                        + e.getMessage() + "); install the Debian package 'curl'", e);
            }
            p.getOutputStream().close();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("curl " + String.join(" ", args) + " did not finish within 30 s");
            }
            String headers = java.nio.file.Files.readString(headerFile, StandardCharsets.ISO_8859_1);
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8), parse(headers));
        } finally {
            java.nio.file.Files.deleteIfExists(headerFile);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Splits curl's header dump (every response of the run, one block each) into responses. */
    static List<Response> parse(String dump) {
        List<Response> responses = new ArrayList<>();
        String statusLine = null;
        int status = 0;
        List<String[]> fields = new ArrayList<>();
        for (String line : dump.split("\r\n|\n")) {
            Matcher m = STATUS.matcher(line);
            if (m.matches()) {
                if (statusLine != null) {
                    responses.add(new Response(statusLine, status, fields));
                }
                statusLine = line;
                status = Integer.parseInt(m.group(1));
                fields = new ArrayList<>();
            } else if (statusLine != null && line.indexOf(':') > 0) {
                int colon = line.indexOf(':');
                fields.add(new String[] {line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim()});
            }
        }
        if (statusLine != null) {
            responses.add(new Response(statusLine, status, fields));
        }
        return responses;
    }
}
