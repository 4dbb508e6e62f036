package org.lightwire.it.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test vectors from {@code src/test/resources/vectors/*.txt}: records separated by blank
 * lines, one {@code name = value} per line, {@code #} comments (each file cites its source
 * at the top, each record its section). A line ending in {@code \} continues on the next.
 */
final class Vectors {

    /** One record: its fields in file order, and where it came from for test names. */
    record Vector(String file, int line, Map<String, String> fields) {

        String get(String name) {
            String v = fields.get(name);
            if (v == null) {
                throw new IllegalStateException(file + ":" + line + ": vector has no field '" + name + "'");
            }
            return v;
        }

        byte[] hex(String name) {
            return Hex.bytes(get(name));
        }

        boolean has(String name) {
            return fields.containsKey(name);
        }

        @Override
        public String toString() {
            return fields.getOrDefault("name", file + ":" + line);
        }
    }

    private Vectors() {
    }

    static List<Vector> load(String file) {
        InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file);
        if (in == null) {
            throw new IllegalStateException("missing vector file /vectors/" + file);
        }
        List<Vector> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String> fields = new LinkedHashMap<>();
            int start = 0;
            int lineNo = 0;
            String pending = null;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (pending != null) {
                    t = pending + t;
                    pending = null;
                }
                if (t.endsWith("\\")) {
                    pending = t.substring(0, t.length() - 1);
                    continue;
                }
                if (t.startsWith("#")) {
                    continue;
                }
                if (t.isEmpty()) {
                    if (!fields.isEmpty()) {
                        out.add(new Vector(file, start, fields));
                        fields = new LinkedHashMap<>();
                    }
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq < 0) {
                    throw new IllegalStateException(file + ":" + lineNo + ": expected 'name = value'");
                }
                if (fields.isEmpty()) {
                    start = lineNo;
                }
                fields.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
            }
            if (!fields.isEmpty()) {
                out.add(new Vector(file, start, fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("vector file " + file + " has no vectors");
        }
        return out;
    }
}
