package org.lightwire.dns.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lightwire.api.Scheduler;
import org.lightwire.api.ServiceLoop;
import org.lightwire.dns.AddressPreference;
import org.lightwire.dns.DnsCallback;
import org.lightwire.dns.DnsResult;
import org.lightwire.dns.DnsSettings;
import org.lightwire.dns.DnsStatus;

/**
 * The resolver of one service loop (lws keeps its async DNS state per context; here each
 * loop has its own so nothing is shared between threads): the answer cache, the questions
 * in flight by id and by (name, type), and the UDP socket. The socket is opened on a
 * random source port when the first question goes out and closed when the last one is
 * answered, so an idle loop holds no socket and each burst of queries gets a new port.
 * Everything here runs on the loop thread.
 */
final class LoopResolver {

    private static final System.Logger LOG = System.getLogger("org.lightwire.dns");
    /** Datagrams read per readiness report before the loop gets to do other work. */
    private static final int DATAGRAMS_PER_WAKEUP = 64;
    /** Ids in use at most: past this, new questions fail rather than hunt for free ids. */
    private static final int MAX_IN_FLIGHT = 40_000;
    private static final int FIRST_RANDOM_PORT = 1024;
    private static final int BIND_TRIES = 16;

    private final ServiceLoop loop;
    private final Scheduler scheduler;
    private final DnsSettings settings;
    private final Statistics statistics;
    private final String nameserverText;
    private final AnswerCache cache;
    private final Map<QuestionKey, Question> inFlight = new HashMap<>();
    /** Questions past the in-flight window, sent as earlier ones finish. */
    private final ArrayDeque<Question> waiting = new ArrayDeque<>();
    private int active;
    private final Question[] byId = new Question[65536];
    private final SecureRandom random = new SecureRandom();
    private final byte[] tx = new byte[QueryWriter.MAX_QUERY];
    private final byte[] rx = new byte[65536];
    private final ByteBuffer rxBuffer = ByteBuffer.wrap(rx);
    private int idsInUse;
    private DatagramChannel channel;
    private ServiceLoop.ChannelWatch watch;
    private boolean closed;

    LoopResolver(ServiceLoop loop, DnsSettings settings, Statistics statistics) {
        this.loop = loop;
        this.scheduler = loop.scheduler();
        this.settings = settings;
        this.statistics = statistics;
        this.nameserverText = NameserverAddress.format(settings.nameserver());
        this.cache = new AnswerCache(settings.cacheEntries());
    }

    ServiceLoop loop() {
        return loop;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    DnsSettings settings() {
        return settings;
    }

    Statistics statistics() {
        return statistics;
    }

    String nameserverText() {
        return nameserverText;
    }

    double random01() {
        return random.nextDouble();
    }

    /** Starts a lookup; the callback may run before this returns (literals, cache hits). */
    void lookup(String rawName, AddressPreference preference, DnsCallback callback) {
        if (closed) {
            Lookup.deliver(callback, failure(rawName, DnsStatus.IO_ERROR, "the resolver is closed"));
            return;
        }
        InetAddress literal = IpLiteral.parse(rawName);
        if (literal != null) {
            boolean v6 = literal instanceof Inet6Address;
            boolean wanted = v6 ? preference.wantsIpv6() : preference.wantsIpv4();
            Lookup.deliver(callback, wanted ? new DnsResult(rawName, DnsStatus.OK, List.of(literal), rawName, 0, false, "")
                    : new DnsResult(rawName, DnsStatus.NO_DATA, List.of(), rawName, 0, false,
                            "an IPv" + (v6 ? "6" : "4") + " literal, but only IPv" + (v6 ? "4" : "6") + " was asked for"));
            return;
        }
        String name;
        try {
            name = DnsName.normalize(rawName);
        } catch (InvalidNameException e) {
            Lookup.deliver(callback, failure(String.valueOf(rawName), DnsStatus.INVALID_NAME, e.getMessage()));
            return;
        }
        if (DnsName.isLocalhost(name)) {
            Lookup.deliver(callback, localhost(name, preference));
            return;
        }
        long now = scheduler.nowMicros();
        Lookup lookup = new Lookup(name, preference, callback);
        // lws asks for A first, then AAAA right after, both in flight together
        if (preference.wantsIpv4()) {
            want(lookup, new QuestionKey(name, RecordType.A), now);
        }
        if (preference.wantsIpv6()) {
            want(lookup, new QuestionKey(name, RecordType.AAAA), now);
        }
    }

    private void want(Lookup lookup, QuestionKey key, long now) {
        Answer cached = cache.get(key, now);
        if (cached != null) {
            statistics.cacheHits.increment();
            lookup.partDone(key.type(), cached, true, now);
            return;
        }
        Question q = inFlight.get(key);
        if (q != null) {
            statistics.piggybacked.increment();
            q.waiters().add(lookup);
            return;
        }
        q = new Question(this, key);
        inFlight.put(key, q);
        q.waiters().add(lookup);
        if (active < settings.maxInFlight()) {
            active++;
            q.send();
        } else {
            waiting.add(q);
        }
    }

    private static DnsResult failure(String name, DnsStatus status, String detail) {
        return new DnsResult(name, status, List.of(), name, 0, false, detail);
    }

    /** RFC 6761 §6.3: localhost names are the loopback addresses, without asking anyone. */
    private static DnsResult localhost(String name, AddressPreference preference) {
        List<InetAddress> addresses = new ArrayList<>(2);
        InetAddress v4 = IpLiteral.parse("127.0.0.1");
        InetAddress v6 = IpLiteral.parse("::1");
        if (preference.wantsIpv6() && preference.ipv6First()) {
            addresses.add(v6);
        }
        if (preference.wantsIpv4()) {
            addresses.add(v4);
        }
        if (preference.wantsIpv6() && !preference.ipv6First()) {
            addresses.add(v6);
        }
        return new DnsResult(name, DnsStatus.OK, addresses, name, 0, false, "");
    }

    // ---- ids ----

    /** A random id not in use, registered to {@code q}; -1 if too many are in use. */
    int allocateId(Question q) {
        if (idsInUse >= MAX_IN_FLIGHT) {
            return -1;
        }
        while (true) {
            int id = random.nextInt(65536);
            if (byId[id] == null) {
                byId[id] = q;
                idsInUse++;
                return id;
            }
        }
    }

    void releaseId(int id, Question q) {
        if (id >= 0 && byId[id] == q) {
            byId[id] = null;
            idsInUse--;
        }
    }

    // ---- the UDP socket ----

    void sendQuery(int id, String name, int type) throws IOException {
        ensureSocket();
        int n = QueryWriter.write(tx, 0, id, name, type);
        int sent = channel.send(ByteBuffer.wrap(tx, 0, n), settings.nameserver());
        if (sent == 0) {
            // the socket buffer is full: treated as a lost datagram, the timeout retries it
            LOG.log(Level.DEBUG, () -> "async DNS: socket buffer full, query for " + name + " dropped");
        }
        statistics.queriesSent.increment();
    }

    private void ensureSocket() throws IOException {
        if (channel != null) {
            return;
        }
        InetAddress ns = settings.nameserver().getAddress();
        boolean v6 = ns instanceof Inet6Address;
        DatagramChannel ch = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            ch.configureBlocking(false);
            // a loopback nameserver is answered on loopback only: nothing off-host can reach the socket
            InetAddress local = ns.isLoopbackAddress() ? ns : null;
            bindRandomPort(ch, local);
            // room for a full window of answers arriving while the loop is busy elsewhere
            ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 256 * 1024);
            watch = loop.watch(ch, SelectionKey.OP_READ, this::datagramsReady);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        channel = ch;
    }

    /** Binds to a random port of our choosing (harder to guess than sequential ephemeral ports), else any. */
    private void bindRandomPort(DatagramChannel ch, InetAddress local) throws IOException {
        for (int i = 0; i < BIND_TRIES; i++) {
            int port = FIRST_RANDOM_PORT + random.nextInt(65536 - FIRST_RANDOM_PORT);
            try {
                ch.bind(new InetSocketAddress(local, port));
                return;
            } catch (BindException inUse) {
                // try another
            }
        }
        ch.bind(new InetSocketAddress(local, 0));
    }

    private void closeSocket() {
        if (channel == null) {
            return;
        }
        watch.close();
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        channel = null;
        watch = null;
    }

    /** The port queries currently leave from, or -1 when no socket is open (for tests). */
    int sourcePort() {
        return channel == null ? -1 : channel.socket().getLocalPort();
    }

    private void datagramsReady(int readyOps) {
        DatagramChannel ch = channel;
        for (int i = 0; i < DATAGRAMS_PER_WAKEUP && ch != null && ch == channel; i++) {
            rxBuffer.clear();
            SocketAddress from;
            try {
                from = ch.receive(rxBuffer);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> "async DNS: receive from " + nameserverText + " failed: " + e.getMessage());
                continue;
            }
            if (from == null) {
                break;
            }
            datagram(from, rxBuffer.position());
        }
        if (ch != null && ch == channel) {
            try {
                watch.interest(SelectionKey.OP_READ);
            } catch (UncheckedIOException e) {
                LOG.log(Level.DEBUG, "async DNS: socket closed while re-arming");
            }
        }
    }

    /** One datagram: accepted only from the nameserver, for an id in flight, answering its question. */
    private void datagram(SocketAddress from, int length) {
        if (!settings.nameserver().equals(from)) {
            ignored(from, "not from the nameserver " + nameserverText);
            return;
        }
        DnsResponse r;
        try {
            r = ResponseReader.read(rx, length);
        } catch (MalformedResponseException e) {
            ignored(from, "malformed: " + e.getMessage());
            return;
        }
        Question q = byId[r.id()];
        if (q == null || !q.awaitsUdp()) {
            ignored(from, "id " + r.id() + " matches no query in flight");
            return;
        }
        if (!q.asked(r)) {
            ignored(from, "id " + r.id() + " answers " + r.questionName() + "/" + RecordType.name(r.questionType())
                    + ", not the question asked (" + q.asking() + "/" + RecordType.name(q.type()) + ")");
            return;
        }
        q.answered(r, false);
    }

    private void ignored(SocketAddress from, String why) {
        statistics.ignoredResponses.increment();
        LOG.log(Level.DEBUG, () -> "async DNS: ignoring datagram from " + from + ": " + why);
    }

    /** The TCP retry's message: the same checks as over UDP, bar the source (the connection is the server). */
    void acceptTcpAnswer(Question q, byte[] message, int length) {
        DnsResponse r;
        try {
            r = ResponseReader.read(message, length);
        } catch (MalformedResponseException e) {
            q.tryFailed("malformed TCP answer: " + e.getMessage());
            return;
        }
        if (r.id() != q.id() || !q.asked(r)) {
            q.tryFailed("TCP answer does not match the question (id " + r.id() + ", " + r.questionName() + ")");
            return;
        }
        q.answered(r, true);
    }

    // ---- completion ----

    void questionDone(Question q, Answer answer) {
        inFlight.remove(q.key());
        if (!waiting.remove(q)) {
            active--;
        }
        long now = scheduler.nowMicros();
        cache.put(q.key(), answer, now);
        for (Lookup l : q.waiters()) {
            l.partDone(q.key().type(), answer, false, now);
        }
        while (active < settings.maxInFlight() && !waiting.isEmpty() && !closed) {
            active++;
            waiting.poll().send();
        }
        if (inFlight.isEmpty()) {
            closeSocket();
        }
    }

    /** Fails everything in flight and releases the socket; later lookups fail at once. Loop thread. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Question q : new ArrayList<>(inFlight.values())) {
            q.finish(Answer.failure(DnsStatus.IO_ERROR, q.key().name(), "the resolver was closed"));
        }
        closeSocket();
        cache.clear();
    }

    int cacheSize() {
        return cache.size();
    }

    int inFlightCount() {
        return inFlight.size();
    }
}
