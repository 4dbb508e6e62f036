package org.lightwire.http.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lightwire.api.Mount;

/**
 * Picks the mount a request path falls in (lws {@code lws_find_mount}): the longest
 * mountpoint that is a prefix of the path ending at a segment boundary ({@code "/formtest"}
 * takes {@code /formtest} and {@code /formtest/x}, not {@code /formtestx}); {@code "/"}
 * takes every path; an {@code exact-match} mount only the path equal to its mountpoint. A
 * mountpoint written with a trailing slash matches as if written without. On equal
 * lengths the mount listed first wins. Immutable.
 */
public final class MountTable {

    /**
     * A matched mount.
     *
     * @param index       the mount's position in the vhost's list
     * @param pathInMount the path past the mountpoint: "" for the mountpoint itself, else
     *                    starting with '/' ({@code /formtest/x} on {@code /formtest} is {@code /x})
     */
    public record Match(Mount mount, int index, String pathInMount) {
    }

    private final Mount[] mounts;
    private final String[] points;
    private final int[] indexes;

    public MountTable(List<Mount> vhostMounts) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vhostMounts.size(); i++) {
            order.add(i);
        }
        // stable sort: ties keep config order
        order.sort(Comparator.comparingInt((Integer i) -> point(vhostMounts.get(i)).length()).reversed());
        int n = order.size();
        mounts = new Mount[n];
        points = new String[n];
        indexes = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order.get(k);
            mounts[k] = vhostMounts.get(i);
            points[k] = point(mounts[k]);
            indexes[k] = i;
        }
    }

    /** The mountpoint as matched: without trailing slashes, except "/" itself. */
    static String point(Mount m) {
        String p = m.mountpoint();
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }

    /** The mount {@code path} (normalised, starting with '/') falls in, or null. */
    public Match match(String path) {
        for (int k = 0; k < mounts.length; k++) {
            String p = points[k];
            boolean root = p.equals("/");
            if (mounts[k].exactMatch()) {
                if (path.equals(p) || root && path.equals("/")) {
                    return new Match(mounts[k], indexes[k], "");
                }
                continue;
            }
            if (root) {
                return new Match(mounts[k], indexes[k], path.equals("/") ? "" : path);
            }
            if (path.startsWith(p) && (path.length() == p.length() || path.charAt(p.length()) == '/')) {
                return new Match(mounts[k], indexes[k], path.substring(p.length()));
            }
        }
        return null;
    }
}
