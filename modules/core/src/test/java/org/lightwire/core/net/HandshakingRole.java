package org.lightwire.core.net;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * A client role with a handshake of its own, like the ws client's: it sends '?' on opening,
 * and the server's first byte in answer decides — 'y' accepts (the protocol hears opened, the rest is data), 'r' fails the
 * attempt so it may be retried, 'n' fails it for good; an end of stream or a read error
 * before the answer may be retried too. Records what core tells the handler.
 */
final class HandshakingRole implements Role {

    static final String NAME = "handshaking";

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Set<RoleHandler> handlersOpened = new CopyOnWriteArraySet<>();

    /** What the handlers heard, in order: opened, accepted, closed, connectFailed. */
    List<String> events() {
        return List.copyOf(events);
    }

    long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    /** How many distinct handlers heard opened. */
    int handlersOpened() {
        return handlersOpened.size();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RoleHandler bind(RoleBinding binding) {
        RawSession session = ((RawProtocol) binding.protocol()).newSession(binding.connection());
        return new RoleHandler() {
            private boolean accepted;

            @Override
            public void opened() {
                accepted = false; // a new attempt starts its handshake afresh
                handlersOpened.add(this);
                events.add("opened");
                binding.send(ByteBuffer.wrap(new byte[] {'?'}));
            }

            @Override
            public void received(ByteBuffer data) throws Exception {
                if (accepted) {
                    session.received(binding.connection(), data);
                    return;
                }
                byte answer = data.get();
                switch (answer) {
                    case 'y' -> {
                        accepted = true;
                        events.add("accepted");
                        session.opened(binding.connection());
                        if (data.hasRemaining()) {
                            session.received(binding.connection(), data);
                        }
                    }
                    case 'r' -> binding.handshakeFailed(new IOException("server said retry"), true);
                    default -> binding.handshakeFailed(new IOException("server said " + (char) answer), false);
                }
            }

            @Override
            public boolean inputEnded() {
                if (!accepted) {
                    binding.handshakeFailed(new EOFException("closed before answering"), true);
                }
                return false;
            }

            @Override
            public void readFailed(IOException cause) {
                events.add("readFailed");
                if (!accepted) {
                    binding.handshakeFailed(cause, true);
                }
            }

            @Override
            public void writeable() throws Exception {
                session.writeable(binding.connection());
            }

            @Override
            public void write(ByteBuffer data) {
                binding.send(data);
            }

            @Override
            public void closed() {
                events.add("closed");
                if (accepted) {
                    session.closed(binding.connection());
                }
            }

            @Override
            public void connectFailed(Throwable cause) {
                events.add("connectFailed");
                session.connectFailed(binding.connection(), cause);
            }
        };
    }
}
