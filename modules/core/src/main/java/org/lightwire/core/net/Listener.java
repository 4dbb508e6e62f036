package org.lightwire.core.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Collections;
import java.util.List;
import org.lightwire.api.LightwireException;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.core.loop.Resident;
import org.lightwire.core.loop.Selectable;

/**
 * One listen socket, on loop 0, shared by the vhosts that name the same address and port
 * (lws: one listen socket per port however many service threads). Accepted connections
 * go to the least-loaded loop; peers over the per-IP limit are dropped at once.
 */
public final class Listener extends Resident implements Selectable {

    private static final System.Logger LOG = Wire.LOG;
    private static final int BACKLOG = 1024;
    private static final int ACCEPTS_PER_PASS = 64;

    private final Network network;
    private final ServerSocketChannel server;
    private final SocketAddress address;
    private final VhostImpl owner;
    // owner first, then the vhosts sharing the socket, in config order
    private final java.util.List<VhostImpl> sharers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Path unixPath;
    private EventLoop loop;
    private SelectionKey key;
    // given to a successor context: stop accepting but leave the socket open
    private volatile boolean handedOver;
    private boolean takenOver;

    private Listener(Network network, ServerSocketChannel server, SocketAddress address, VhostImpl owner, Path unixPath) {
        this.network = network;
        this.server = server;
        this.address = address;
        this.owner = owner;
        this.sharers.add(owner);
        this.unixPath = unixPath;
    }

    /**
     * Binds the listen socket of {@code owner}'s settings.
     *
     * @throws LightwireException naming the vhost and address when binding fails
     */
    public static Listener bind(Network network, VhostImpl owner) {
        VhostSettings s = owner.settings();
        try {
            if (s.unixSocket()) {
                Path path = Path.of(s.iface().orElseThrow());
                removeStaleSocket(path);
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(path), BACKLOG);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                if (s.unixSocketOwner().isPresent()) {
                    setOwner(path, s.unixSocketOwner().get());
                }
                return new Listener(network, server, server.getLocalAddress(), owner, path);
            }
            InetSocketAddress where = new InetSocketAddress(bindAddress(s.iface().orElse(null)), s.port());
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            try {
                server.bind(where, BACKLOG);
            } catch (IOException e) {
                server.close();
                throw e;
            }
            return new Listener(network, server, server.getLocalAddress(), owner, null);
        } catch (IOException | IllegalArgumentException e) {
            throw new LightwireException(owner + ": cannot listen on " + describe(s) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A listener of a new context over the socket of {@code predecessor}, which must have
     * been {@linkplain #handOver() handed over}: connections waiting in the kernel's backlog
     * are accepted by the new context, none is refused in between.
     */
    public static Listener takeOver(Network network, VhostImpl owner, Listener predecessor) {
        Listener l = new Listener(network, predecessor.server, predecessor.address, owner, predecessor.unixPath);
        l.takenOver = true;
        return l;
    }

    /** Whether the socket came from a predecessor context. */
    public boolean isTakenOver() {
        return takenOver;
    }

    /**
     * Lets go of a taken-over socket without closing it, because this context failed to
     * start and the predecessor resumes. Any thread: the key cancels itself.
     */
    public void giveBack() {
        handedOver = true;
        if (key != null) {
            key.cancel();
        }
    }

    /** The listen spec of {@code s} is the one this socket was bound for. */
    public boolean serves(VhostSettings s) {
        VhostSettings mine = owner.settings();
        if (mine.unixSocket() || s.unixSocket()) {
            return mine.unixSocket() && s.unixSocket() && mine.iface().equals(s.iface());
        }
        return mine.port() != 0 && mine.port() == s.port() && mine.iface().equals(s.iface());
    }

    /**
     * Stops accepting without closing the socket, for a successor context to take over.
     * Call on the accepting loop's thread.
     */
    public void handOver() {
        handedOver = true;
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (loop != null) {
            loop.leave(this);
        }
    }

    /** Starts accepting again after a successor failed to start. Call on the accepting loop's thread. */
    public void resume() throws IOException {
        handedOver = false;
        key = loop.register(server, SelectionKey.OP_ACCEPT, this);
        loop.join(this);
    }

    public boolean isHandedOver() {
        return handedOver;
    }

    private static String describe(VhostSettings s) {
        return s.unixSocket() ? "unix socket " + s.iface().orElse("?")
                : s.iface().orElse("*") + ":" + s.port();
    }

    /** The address for lws' {@code interface}: an IP, a host name, or a network interface name. */
    static InetAddress bindAddress(String iface) throws IOException {
        if (iface == null || iface.isEmpty()) {
            return null;
        }
        NetworkInterface ni = NetworkInterface.getByName(iface);
        if (ni != null) {
            List<InetAddress> addrs = Collections.list(ni.getInetAddresses());
            if (addrs.isEmpty()) {
                throw new IOException("network interface '" + iface + "' has no address");
            }
            return addrs.stream().filter(a -> a instanceof Inet4Address).findFirst().orElse(addrs.get(0));
        }
        return InetAddress.getByName(iface);
    }

    private static void removeStaleSocket(Path path) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(path + " exists and is not a socket");
            }
            Files.delete(path);
        }
    }

    private static void setOwner(Path path, String userColonGroup) throws IOException {
        int colon = userColonGroup.indexOf(':');
        String user = colon < 0 ? userColonGroup : userColonGroup.substring(0, colon);
        String group = colon < 0 ? "" : userColonGroup.substring(colon + 1);
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (!user.isEmpty()) {
            UserPrincipal u = lookup.lookupPrincipalByName(user);
            view.setOwner(u);
        }
        if (!group.isEmpty()) {
            GroupPrincipal g = lookup.lookupPrincipalByGroupName(group);
            view.setGroup(g);
        }
    }

    /** The bound address (with the real port when 0 was asked for). */
    public SocketAddress address() {
        return address;
    }

    public VhostImpl owner() {
        return owner;
    }

    /** Another vhost naming the same listen spec shares this socket (Host / SNI pick among them). */
    public void share(VhostImpl vhost) {
        sharers.add(vhost);
        vhost.addListener(this);
    }

    /**
     * The vhost on this socket that serves {@code hostName} (lws {@code lws_select_vhost}):
     * a trailing ":port" is ignored; the exact name (case-insensitive), else the vhost whose
     * name is a dot-suffix of it ("cats.abc.com" finds "abc.com"), else the first vhost.
     */
    public VhostImpl vhostFor(String hostName) {
        if (sharers.size() == 1) {
            return owner; // the common case: nothing to choose between
        }
        String host = stripPort(hostName);
        if (host.isEmpty()) {
            return owner;
        }
        for (VhostImpl v : sharers) {
            if (v.name().equalsIgnoreCase(host)) {
                return v;
            }
        }
        VhostImpl best = null;
        for (VhostImpl v : sharers) {
            String n = v.name();
            if (host.length() > n.length() + 1 && host.regionMatches(true, host.length() - n.length(), n, 0, n.length())
                    && host.charAt(host.length() - n.length() - 1) == '.'
                    && (best == null || n.length() > best.name().length())) {
                best = v;
            }
        }
        return best != null ? best : owner;
    }

    private static String stripPort(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        // one colon: host:port; more: a bare IPv6 address
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    /** Starts accepting on {@code acceptLoop}. Call on that loop's thread. */
    public void start(EventLoop acceptLoop) throws IOException {
        this.loop = acceptLoop;
        server.configureBlocking(false);
        key = acceptLoop.register(server, SelectionKey.OP_ACCEPT, this);
        acceptLoop.join(this);
        owner.addListener(this);
    }

    @Override
    public void onReady(int readyOps) {
        for (int i = 0; i < ACCEPTS_PER_PASS; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // e.g. EMFILE: log and let the next readiness retry
                LOG.log(Level.WARNING, () -> owner + ": accept failed on " + address + ": " + e.getMessage());
                return;
            }
            if (channel == null) {
                return;
            }
            admit(channel);
        }
    }

    private void admit(SocketChannel channel) {
        InetAddress peer = null;
        if (unixPath == null) {
            try {
                peer = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
            } catch (IOException e) {
                close(channel);
                return;
            }
            PeerLimits limits = network.peerLimits();
            if (limits.enabled() && !limits.tryAcquire(peer)) {
                InetAddress p = peer;
                LOG.log(Level.INFO, () -> owner + ": peer " + p.getHostAddress() + " is at ip-limit-wsi ("
                        + network.settings().ipLimitWsi() + "), dropping its new connection");
                owner.counters(loop).countRejected();
                close(channel);
                return;
            }
            network.configureTcp(channel);
        }
        InetAddress counted = network.peerLimits().enabled() ? peer : null;
        Runnable release = counted == null ? () -> { } : () -> network.peerLimits().release(counted);
        EventLoop target = network.leastLoaded();
        network.handoff(target, () -> owner.accepted(channel, target, release, this));
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** Stops listening. Any thread; only the loop thread also takes it off the loop. */
    public void closeListener() {
        if (handedOver) {
            return; // the successor owns the socket now
        }
        if (key != null) {
            key.cancel();
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        if (unixPath != null) {
            try {
                Files.deleteIfExists(unixPath);
            } catch (IOException ignored) {
                // best effort
            }
        }
        // the resident list is the loop's alone: a context closing from another thread only
        // stops the socket, and the loop drops the listener while it closes its residents
        if (loop != null && loop.inLoop()) {
            loop.leave(this);
        }
    }

    @Override
    protected boolean isConnection() {
        return false;
    }

    @Override
    protected void closeForShutdown() {
        closeListener();
    }
}
