package org.lightwire.benchmarks.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The load generator: JDK JSSE clients on 127.0.0.1, the same for every server. Full
 * handshakes (each session invalidated, so none is resumed) on N threads, and bulk HTTP/1.1
 * keep-alive downloads of one file on N connections, each for a fixed time.
 */
final class TlsLoad {

    /** What one timed phase achieved. */
    record Result(long operations, long bytes, long errors, double seconds, double serverCpuSeconds) {
        double perSecond() {
            return operations / seconds;
        }

        double mibPerSecond() {
            return bytes / seconds / (1024 * 1024);
        }
    }

    private final SSLSocketFactory factory;

    TlsLoad() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        // a benchmark against our own throwaway certificate on loopback: the client checks nothing
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        this.factory = ctx.getSocketFactory();
    }

    /** Full handshakes on {@code threads} threads for {@code seconds}. */
    Result handshakes(int port, int threads, int seconds, long serverPid) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        return timed(threads, seconds, serverPid, done, new AtomicLong(), errors, stop -> {
            while (!stop.get()) {
                try (Socket raw = connect(port); SSLSocket s = (SSLSocket) factory.createSocket(raw, "localhost", port, true)) {
                    s.startHandshake();
                    // drop the session: the next handshake is a full one, never a resumption
                    s.getSession().invalidate();
                    done.incrementAndGet();
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }
        });
    }

    /** Keep-alive GETs of {@code path} on {@code connections} connections for {@code seconds}. */
    Result bulk(int port, String path, int connections, int seconds, long serverPid) throws InterruptedException {
        AtomicLong responses = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return timed(connections, seconds, serverPid, responses, bytes, errors, stop -> {
            byte[] buf = new byte[64 * 1024];
            while (!stop.get()) {
                try (Socket raw = connect(port); SSLSocket s = (SSLSocket) factory.createSocket(raw, "localhost", port, true)) {
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    while (!stop.get()) {
                        out.write(request);
                        out.flush();
                        long length = readHead(in);
                        long left = length;
                        while (left > 0) {
                            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                            if (n < 0) {
                                throw new IOException("connection closed inside a body");
                            }
                            left -= n;
                            bytes.addAndGet(n);
                        }
                        responses.incrementAndGet();
                    }
                } catch (IOException e) {
                    if (!stop.get()) {
                        errors.incrementAndGet();
                    }
                }
            }
        });
    }

    /** Reads a response head; returns its Content-Length (the servers send one for files). */
    private static long readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed inside a response head");
            }
            head.append((char) c);
            state = c == '\r' && (state == 0 || state == 2) || c == '\n' && (state == 1 || state == 3) ? state + 1 : 0;
            if (head.length() > 16 * 1024) {
                throw new IOException("response head over 16 KiB");
            }
        }
        String text = head.toString();
        if (!text.startsWith("HTTP/1.1 200")) {
            throw new IOException("not 200: " + text.lines().findFirst().orElse(""));
        }
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("content-length")) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        throw new IOException("no Content-Length in " + text);
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.setSoTimeout(10_000);
        return s;
    }

    private interface Worker {
        void run(AtomicBoolean stop);
    }

    private static Result timed(int threads, int seconds, long serverPid, AtomicLong ops, AtomicLong bytes,
            AtomicLong errors, Worker worker) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> list = new ArrayList<>();
        double cpu0 = ProcCpu.seconds(serverPid);
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> worker.run(stop), "tls-load-" + i);
            t.setDaemon(true);
            list.add(t);
            t.start();
        }
        Thread.sleep(seconds * 1000L); // the measured period: the workers run meanwhile
        long opsAtEnd = ops.get();
        long bytesAtEnd = bytes.get();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double cpu = ProcCpu.seconds(serverPid) - cpu0;
        stop.set(true);
        for (Thread t : list) {
            t.join(15_000);
        }
        return new Result(opsAtEnd, bytesAtEnd, errors.get(), elapsed, cpu);
    }
}
