package org.lightwire.dns.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Timer;
import org.lightwire.dns.DnsStatus;

/**
 * One query in flight for one (name, record type), shared by every lookup that wants it
 * meanwhile (lws' piggybacking). Sends with a fresh random id each try, waits on one
 * reusable timer, retries as the {@link RetryPolicy} allows, switches to TCP when the
 * answer is truncated, and re-asks for a CNAME target the response did not resolve.
 * Loop thread only.
 */
final class Question {

    private final LoopResolver owner;
    private final QuestionKey key;
    private final Timer timer;
    private final List<Lookup> waiters = new ArrayList<>(2);

    private String asking;
    private int cnames;
    private long chainTtl = Long.MAX_VALUE;
    private int id = -1;
    private int attempt;
    private boolean pausing;
    private TcpExchange tcp;
    private boolean done;

    Question(LoopResolver owner, QuestionKey key) {
        this.owner = owner;
        this.key = key;
        this.asking = key.name();
        this.timer = owner.scheduler().newTimer(this::timerFired);
    }

    QuestionKey key() {
        return key;
    }

    List<Lookup> waiters() {
        return waiters;
    }

    /** The name the current try asks about (the original, or a CNAME target). */
    String asking() {
        return asking;
    }

    int type() {
        return key.type();
    }

    /** Whether a UDP response is still acceptable: not switched to TCP, not finished. */
    boolean awaitsUdp() {
        return !done && tcp == null && !pausing;
    }

    /** Whether {@code r} answers exactly what this try asked (RFC 5452 §9.1 checks beyond the id). */
    boolean asked(DnsResponse r) {
        return r.questionType() == key.type() && r.questionClass() == RecordType.CLASS_IN
                && r.questionName().equals(asking);
    }

    /** Sends (or resends) over UDP with a fresh id. */
    void send() {
        pausing = false;
        id = owner.allocateId(this);
        if (id < 0) {
            finish(Answer.failure(DnsStatus.IO_ERROR, key.name(), "too many queries in flight"));
            return;
        }
        try {
            owner.sendQuery(id, asking, key.type());
        } catch (IOException e) {
            finish(Answer.failure(DnsStatus.IO_ERROR, key.name(), "cannot send to " + owner.nameserverText() + ": "
                    + e.getMessage()));
            return;
        }
        timer.schedule(owner.settings().timeoutMillis() * 1_000L);
    }

    private void timerFired() {
        if (pausing) {
            send();
        } else {
            tryFailed("no answer within " + owner.settings().timeoutMillis() + " ms");
        }
    }

    /** This try got no usable answer: retry if the policy allows, else time out. */
    void tryFailed(String why) {
        if (done) {
            return;
        }
        owner.releaseId(id, this);
        id = -1;
        closeTcp();
        RetryPolicy policy = owner.settings().retryPolicy();
        if (policy.mayRetry(attempt)) {
            long delayMillis = policy.delayMillis(attempt, owner.random01());
            attempt++;
            owner.statistics().retries.increment();
            pausing = true;
            timer.schedule(delayMillis * 1_000L);
            return;
        }
        finish(Answer.failure(DnsStatus.TIMEOUT, key.name(), "no answer for " + asking + "/" + RecordType.name(key.type())
                + " from " + owner.nameserverText() + " after " + (attempt + 1) + " tries (" + why + ")"));
    }

    /** A response that passed the source, id and question checks. */
    void answered(DnsResponse r, boolean overTcp) {
        if (done) {
            return;
        }
        if (r.truncated()) {
            if (overTcp) {
                tryFailed("truncated answer over TCP");
                return;
            }
            startTcp();
            return;
        }
        timer.cancel();
        owner.releaseId(id, this);
        id = -1;
        closeTcp();
        long now = owner.scheduler().nowMicros();
        ResponseInterpreter.Outcome outcome = ResponseInterpreter.interpret(r, asking, key.type(), cnames);
        if (outcome instanceof ResponseInterpreter.Addresses a) {
            finish(new Answer(DnsStatus.OK, a.addresses(), a.canonicalName(), expiry(now, Math.min(chainTtl, a.ttl())), ""));
        } else if (outcome instanceof ResponseInterpreter.Alias alias) {
            // lws resets the query to ask for the CNAME, the chain length counted across responses
            chainTtl = Math.min(chainTtl, alias.ttl());
            cnames = alias.cnames();
            asking = alias.target();
            attempt = 0;
            owner.statistics().cnameRequeries.increment();
            send();
        } else if (outcome instanceof ResponseInterpreter.Negative n) {
            finish(new Answer(n.status(), List.of(), n.canonicalName(),
                    n.ttl() < 0 ? now : expiry(now, Math.min(chainTtl, n.ttl())), ""));
        } else if (outcome instanceof ResponseInterpreter.Failure f) {
            finish(Answer.failure(f.status(), key.name(), f.detail() + " from " + owner.nameserverText() + " for "
                    + asking + "/" + RecordType.name(key.type())));
        }
    }

    private long expiry(long now, long ttlSeconds) {
        long capped = Math.min(ttlSeconds, owner.settings().maxTtlSeconds());
        return now + capped * 1_000_000L;
    }

    /** The UDP answer was truncated: ask the same question, same id, over TCP, with a fresh timeout. */
    private void startTcp() {
        owner.statistics().tcpQueries.increment();
        tcp = new TcpExchange(owner, this, id, asking, key.type());
        try {
            tcp.start();
        } catch (IOException e) {
            tryFailed("TCP retry after truncation failed: " + e.getMessage());
            return;
        }
        timer.schedule(owner.settings().timeoutMillis() * 1_000L);
    }

    /** The TCP exchange brought a message (not yet checked). */
    void tcpAnswer(byte[] message, int length) {
        tcp = null;
        owner.acceptTcpAnswer(this, message, length);
    }

    void tcpFailed(IOException e) {
        tcp = null;
        tryFailed("TCP retry after truncation failed: " + e.getMessage());
    }

    /** The id of the try in flight, -1 when none. */
    int id() {
        return id;
    }

    /** Ends the question with {@code answer}: stops its timer and socket work and tells the owner. */
    void finish(Answer answer) {
        if (done) {
            return;
        }
        done = true;
        timer.cancel();
        owner.releaseId(id, this);
        id = -1;
        closeTcp();
        owner.questionDone(this, answer);
    }

    private void closeTcp() {
        if (tcp != null) {
            tcp.close();
            tcp = null;
        }
    }
}
