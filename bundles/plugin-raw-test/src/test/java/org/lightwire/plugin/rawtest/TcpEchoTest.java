package org.lightwire.plugin.rawtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ContextSettings;

/** lws raw-test over real TCP: a listen-accept vhost echoing to several clients at once. */
class TcpEchoTest {

    private static final int CLIENTS = 8;
    private static final int BYTES_PER_CLIENT = 512 * 1024;

    /** Sends random bytes in pieces while reading the echo, and returns sent and received. */
    private static byte[][] echoOnce(InetSocketAddress server, long seed, ExecutorService writers)
            throws Exception {
        byte[] sent = new byte[BYTES_PER_CLIENT];
        new Random(seed).nextBytes(sent);
        try (Socket s = new Socket()) {
            s.connect(server, 5_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            Future<?> writing = writers.submit(() -> {
                for (int off = 0; off < sent.length; off += 7_000) {
                    out.write(sent, off, Math.min(7_000, sent.length - off));
                }
                out.flush();
                return null;
            });
            InputStream in = s.getInputStream();
            byte[] received = in.readNBytes(sent.length);
            writing.get(10, TimeUnit.SECONDS);
            return new byte[][] {sent, received};
        }
    }

    @Test
    void echoesRandomDataToSeveralClientsConcurrently() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try (RawServer server = RawServer.start()) {
            List<Future<byte[][]>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                long seed = i;
                Callable<byte[][]> client = () -> echoOnce(server.tcpAddress(), seed, pool);
                results.add(pool.submit(client));
            }
            for (Future<byte[][]> r : results) {
                byte[][] sentAndReceived = r.get(30, TimeUnit.SECONDS);
                assertEquals(BYTES_PER_CLIENT, sentAndReceived[1].length, "whole echo received");
                assertArrayEquals(sentAndReceived[0], sentAndReceived[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void echoesToSeveralClientsOnTwoLoops() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try (RawServer server = RawServer.start(ContextSettings.builder().countThreads(2))) {
            List<Future<byte[][]>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long seed = 100 + i;
                results.add(pool.submit(() -> echoOnce(server.tcpAddress(), seed, pool)));
            }
            for (Future<byte[][]> r : results) {
                byte[][] sentAndReceived = r.get(30, TimeUnit.SECONDS);
                assertArrayEquals(sentAndReceived[0], sentAndReceived[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
