package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.lightwire.api.http.HttpFields;
import org.lightwire.http.ResponseBody;
import org.lightwire.http.Route;
import org.lightwire.http.RouteRequest;

/**
 * Answers a request for a regular file found under a mount (lws {@code lws_serve_http_file}
 * with its ETag/304 handling and {@code lws_ranges_*}): validators, Cache-Control,
 * conditional requests, and whole, single-range or multipart/byteranges bodies sent
 * zero-copy from the file.
 */
public final class FileResponder {

    /** The body of 304 responses and other empty answers. */
    static final byte[] NOTHING = new byte[0];

    private final int maxRangeParts;

    /** @param maxRangeParts most ranges one request may ask for before its Range is ignored */
    public FileResponder(int maxRangeParts) {
        this.maxRangeParts = maxRangeParts;
    }

    private static HttpFields.Builder validators(String etag, String lastModified, PreparedMount mount) {
        return HttpFields.builder().add("etag", etag).add("last-modified", lastModified)
                .add("cache-control", mount.cacheControl());
    }

    /** The answer for {@code file} (with its MIME {@code type}, "" for none) on {@code mount}. */
    public Route respond(RouteRequest request, PreparedMount mount, FileResolver.Found file, String type,
                         Optional<String> user, long nowMillis) {
        long size = file.attributes().size();
        long modified = file.attributes().lastModifiedTime().toMillis();
        long modifiedSeconds = Math.floorDiv(modified, 1000);
        VerifiedFiles.Entry known = file.known();
        String etag = known != null ? known.etag() : Conditionals.etag(size, modified, file.attributes().fileKey());

        String lastModified = known != null ? known.lastModified() : HttpDates.format(modified);
        switch (Conditionals.evaluate(request.method(), request.headers(), etag, modifiedSeconds, Math.floorDiv(nowMillis, 1000))) {
            case NOT_MODIFIED:
                return new Route.Serve(304, validators(etag, lastModified, mount).addAll(mount.headers()).build(),
                        ResponseBody.ofBytes(NOTHING), mount.mount(), user);
            case PRECONDITION_FAILED:
                return new Route.Refuse(412, "A precondition of the request did not hold.", HttpFields.EMPTY);
            default:
                break;
        }

        RangeSet ranges = null;
        List<String> rangeFields = request.headers().getAll("range");
        if (request.method().equals("GET") && rangeFields.size() == 1
                && Conditionals.ifRangeAllows(request.headers(), etag, modifiedSeconds)) {
            ranges = RangeSet.parse(rangeFields.get(0), size, maxRangeParts);
            if (ranges.kind() == RangeSet.Kind.UNSATISFIABLE) {
                return new Route.Refuse(416, "The requested range is not satisfiable.",
                        HttpFields.builder().add("content-range", "bytes */" + size).build());
            }
        }

        if (ranges == null && file.content() != null) {
            // a small file held in memory: no open, read or close, and its fields built once
            HttpFields fields = known.okHeaders();
            if (fields == null) {
                HttpFields.Builder h = HttpFields.builder();
                if (!type.isEmpty()) {
                    h.add("content-type", type);
                }
                fields = h.addAll(validators(etag, lastModified, mount).build()).add("accept-ranges", "bytes").addAll(mount.headers()).build();
                known.okHeaders(fields);
            }
            return new Route.Serve(200, fields, ResponseBody.ofBytes(file.content()), mount.mount(), user);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file.realPath(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (AccessDeniedException e) {
            return new Route.Refuse(403, "Access to the requested URL is forbidden.", HttpFields.EMPTY);
        } catch (IOException e) {
            return new Route.Refuse(404, "The requested URL was not found on this server.", HttpFields.EMPTY);
        }

        HttpFields.Builder h = HttpFields.builder();
        if (ranges != null && ranges.kind() == RangeSet.Kind.RANGES && ranges.ranges().size() > 1) {
            String boundary = MultipartRanges.newBoundary();
            h.add("content-type", MultipartRanges.contentType(boundary));
            h.addAll(validators(etag, lastModified, mount).build()).add("accept-ranges", "bytes").addAll(mount.headers());
            return new Route.Serve(206, h.build(),
                    MultipartRanges.body(channel, size, ranges.ranges(), type, boundary), mount.mount(), user);
        }
        if (!type.isEmpty()) {
            h.add("content-type", type);
        }
        h.addAll(validators(etag, lastModified, mount).build()).add("accept-ranges", "bytes");
        if (ranges != null && ranges.kind() == RangeSet.Kind.RANGES) {
            ByteRange r = ranges.ranges().get(0);
            h.add("content-range", r.contentRange(size)).addAll(mount.headers());
            return new Route.Serve(206, h.build(), new FileRegionBody(channel, r.first(), r.length()), mount.mount(), user);
        }
        return new Route.Serve(200, h.addAll(mount.headers()).build(), new FileRegionBody(channel, 0, size), mount.mount(), user);
    }
}
