package org.lightwire.it.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.lightwire.it.LauncherProcess;

/**
 * A user's own ops bundle, written and built by the test the way a user would build one
 * against the distribution's jars: Java source compiled with the JDK compiler against
 * {@code lib/lightwire-spi.jar} and {@code bundles/lightwire-ssh-base-*.jar}, packed with
 * a hand-written OSGi manifest and a {@code META-INF/services} entry — no Lightwire build
 * tooling involved. Its protocol {@value #PROTOCOL} answers every exec with
 * {@code custom-ops says: <the command reversed>}, which no shell-running ops would print.
 */
final class CustomOpsBundle {

    static final String PROTOCOL = "it-custom-ssh-ops";
    static final String BSN = "org.lightwire.it.customsshops";

    private static final String SOURCE = """
            package org.lightwire.it.customsshops;

            import java.nio.ByteBuffer;
            import java.nio.charset.StandardCharsets;
            import java.util.ArrayList;
            import java.util.Base64;
            import java.util.List;
            import org.lightwire.api.Options;
            import org.lightwire.api.Protocol;
            import org.lightwire.api.ProtocolProvider;
            import org.lightwire.api.Vhost;
            import org.lightwire.api.crypto.KeyElements;
            import org.lightwire.ssh.SshChannel;
            import org.lightwire.ssh.SshOps;
            import org.lightwire.ssh.SshOpsSource;

            public final class CustomOpsProvider implements ProtocolProvider {
                static final byte[] AUTHORISED = Base64.getDecoder().decode("%s");

                public String name() {
                    return "%s";
                }

                public Protocol create(Vhost vhost, Options options) {
                    SshOps ops = new Ops();
                    return new Src(ops);
                }

                static final class Src implements Protocol, SshOpsSource {
                    private final SshOps ops;
                    Src(SshOps ops) { this.ops = ops; }
                    public SshOps sshOps() { return ops; }
                }

                static final class Ops implements SshOps {
                    private final List<KeyElements> keys = new ArrayList<>();

                    public boolean channelCreate(SshChannel c) { return true; }
                    public void channelDestroy(SshChannel c) { }
                    public int txWaiting(SshChannel c) {
                        return c.attachment() instanceof ByteBuffer b && b.hasRemaining() ? TX_STDOUT : 0;
                    }
                    public void tx(SshChannel c, int which, ByteBuffer out) {
                        ByteBuffer b = (ByteBuffer) c.attachment();
                        int n = Math.min(out.remaining(), b.remaining());
                        ByteBuffer slice = b.slice();
                        slice.limit(n);
                        out.put(slice);
                        b.position(b.position() + n);
                        if (!b.hasRemaining()) {
                            c.exit(0);
                        }
                    }
                    public void rx(SshChannel c, ByteBuffer data) { data.position(data.limit()); }
                    public boolean exec(SshChannel c, String command) {
                        String answer = "custom-ops says: " + new StringBuilder(command).reverse() + "\\n";
                        c.attach(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
                        c.requestTx();
                        return true;
                    }
                    public boolean shell(SshChannel c) { return false; }
                    public synchronized List<KeyElements> getServerKeys(Vhost v) { return List.copyOf(keys); }
                    public synchronized void setServerKey(Vhost v, KeyElements k) { keys.add(k); }
                    public boolean isPubkeyAuthorized(String user, String type, byte[] blob) {
                        return java.util.Arrays.equals(AUTHORISED, blob);
                    }
                    public String serverString() { return "SSH-2.0-ItCustomOps"; }
                }
            }
            """;

    private CustomOpsBundle() {
    }

    /**
     * Builds the bundle into {@code dir}, authorising only the public key of {@code key}
     * (an OpenSSH {@code .pub} line's base64 blob).
     */
    static Path build(Path dir, Path key) throws IOException {
        String blob = SshTestbed.publicLine(key).split("\\s+")[1];
        Base64.getDecoder().decode(blob); // a test bug, not the server's, if this is not base64
        Path src = Files.createDirectories(dir.resolve("src/org/lightwire/it/customsshops"));
        Files.writeString(src.resolve("CustomOpsProvider.java"), SOURCE.formatted(blob, PROTOCOL));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new AssertionError("the tests run on a JRE without javac; a JDK is needed to build the ops bundle");
        }
        String classpath = LauncherProcess.DIST.resolve("lib/lightwire-spi.jar") + java.io.File.pathSeparator + sshBaseJar();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, out, out, "--release", "17", "-cp", classpath, "-d", classes.toString(),
                src.resolve("CustomOpsProvider.java").toString());
        if (rc != 0) {
            throw new AssertionError("javac failed (" + rc + ") for the custom ops bundle " + out);
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", BSN);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.lightwire.api;version=\"[1.2,2)\",org.lightwire.api.crypto;version=\"[1.0,2)\","
                + "org.lightwire.ssh;version=\"[1.0,2)\"");
        a.putValue("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
        Path jar = dir.resolve("it-custom-ssh-ops.jar");
        try (OutputStream fo = Files.newOutputStream(jar); JarOutputStream jo = new JarOutputStream(fo, mf)) {
            jo.putNextEntry(new JarEntry("META-INF/services/org.lightwire.api.ProtocolProvider"));
            jo.write("org.lightwire.it.customsshops.CustomOpsProvider\n".getBytes(StandardCharsets.UTF_8));
            jo.closeEntry();
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(classes)) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
            for (Path f : files) {
                jo.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jo.write(Files.readAllBytes(f));
                jo.closeEntry();
            }
        }
        return jar;
    }

    private static Path sshBaseJar() throws IOException {
        Path bundles = LauncherProcess.DIST.resolve("bundles");
        try (Stream<Path> s = Files.list(bundles)) {
            return s.filter(p -> p.getFileName().toString().startsWith("lightwire-ssh-base-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no lightwire-ssh-base jar in " + bundles));
        }
    }
}
