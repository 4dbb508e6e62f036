package org.lightwire.dns.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A nameserver on 127.0.0.1 that answers as a test scripts it — correctly, wrongly or
 * not at all — over UDP, and over TCP on the same port for truncation retries.
 */
final class ScriptedNameserver implements AutoCloseable {

    /** Decides the replies to one query. */
    interface Script {
        void answer(byte[] query, Replies replies) throws Exception;
    }

    /** Ways to reply to the query being handled. */
    final class Replies {
        private final InetSocketAddress client;

        private Replies(InetSocketAddress client) {
            this.client = client;
        }

        /** From the nameserver's own address and port. */
        void send(byte[] datagram) throws IOException {
            udp.send(new DatagramPacket(datagram, datagram.length, client));
        }

        /** From another port of the same host: a spoofing attempt. */
        void sendFromOtherPort(byte[] datagram) throws IOException {
            other.send(new DatagramPacket(datagram, datagram.length, client));
        }
    }

    private final DatagramSocket udp;
    private final DatagramSocket other;
    private final ServerSocket tcp;
    private final List<byte[]> queries = new ArrayList<>();
    private final List<Integer> sourcePorts = new ArrayList<>();
    private volatile Script script = (q, r) -> { };
    private volatile Function<byte[], byte[]> tcpScript = q -> null;
    private volatile boolean closed;

    ScriptedNameserver() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        DatagramSocket u = null;
        ServerSocket t = null;
        for (int i = 0; i < 20 && t == null; i++) {
            u = new DatagramSocket(new InetSocketAddress(lo, 0));
            try {
                t = new ServerSocket(u.getLocalPort(), 5, lo);
            } catch (IOException inUse) {
                u.close();
            }
        }
        if (t == null) {
            throw new IOException("no port free for both UDP and TCP");
        }
        this.udp = u;
        this.tcp = t;
        this.other = new DatagramSocket(new InetSocketAddress(lo, 0));
        start("scripted-ns-udp", this::serveUdp);
        start("scripted-ns-tcp", this::serveTcp);
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort());
    }

    ScriptedNameserver script(Script s) {
        this.script = s;
        return this;
    }

    /** What to answer over TCP to a query; null closes the connection without an answer. */
    ScriptedNameserver tcpScript(Function<byte[], byte[]> s) {
        this.tcpScript = s;
        return this;
    }

    synchronized List<byte[]> queries() {
        return new ArrayList<>(queries);
    }

    synchronized List<Integer> sourcePorts() {
        return new ArrayList<>(sourcePorts);
    }

    synchronized int queryCount() {
        return queries.size();
    }

    private void serveUdp() {
        byte[] buf = new byte[2048];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
                byte[] q = Arrays.copyOf(p.getData(), p.getLength());
                synchronized (this) {
                    queries.add(q);
                    sourcePorts.add(p.getPort());
                }
                script.answer(q, new Replies((InetSocketAddress) p.getSocketAddress()));
            } catch (SocketException e) {
                return;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void serveTcp() {
        while (!closed) {
            try (Socket s = tcp.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] q = new byte[in.readUnsignedShort()];
                in.readFully(q);
                byte[] a = tcpScript.apply(q);
                if (a != null) {
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.writeShort(a.length);
                    out.write(a);
                    out.flush();
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        udp.close();
        other.close();
        tcp.close();
    }
}
