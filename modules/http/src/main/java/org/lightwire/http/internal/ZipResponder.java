package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.lightwire.api.http.HttpFields;
import org.lightwire.http.ResponseBody;
import org.lightwire.http.Route;
import org.lightwire.http.RouteRequest;

/**
 * Answers a request for a member of a zip file (lws fops-zip, README.coding.md "Serving
 * from inside a zip file"): a deflated member goes to a gzip-capable client as the stored
 * bytes wrapped in gzip ({@link GzipFromZip}), to others inflated on the fly
 * ({@link InflatingBody}); a stored member is sent as it is. Responses vary on
 * Accept-Encoding and do not offer ranges. The entity tag names the zip's version, the
 * member's CRC and size, and the encoding, so the two representations never share a tag.
 */
public final class ZipResponder {

    private static final System.Logger LOG = System.getLogger(ZipResponder.class.getName());

    private final ZipIndexCache zips;

    public ZipResponder(ZipIndexCache zips) {
        this.zips = zips;
    }

    /**
     * The answer for {@code zip.inner()} inside the zip, requested as {@code path} (for
     * redirects) with {@code query}.
     */
    public Route respond(RouteRequest request, PreparedMount mount, FileResolver.InZip zip, String path,
                         Optional<String> user, long nowMillis) {
        ZipIndex index;
        try {
            index = zips.get(zip.zipRealPath(), zip.zipAttributes());
        } catch (ZipFormatException e) {
            return new Route.Refuse(500, "The archive holding this URL cannot be read.", HttpFields.EMPTY);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "mount " + mount.mount().mountpoint() + ": " + e.getMessage());
            return new Route.Refuse(500, "The archive holding this URL cannot be read.", HttpFields.EMPTY);
        }
        String inner = zip.inner();
        if (inner.isEmpty() || inner.endsWith("/")) {
            String dir = inner.isEmpty() ? "" : inner.substring(0, inner.length() - 1);
            if (!index.isDirectory(dir)) {
                return notFound();
            }
            inner = inner + mount.defaultDocument();
        }
        ZipIndex.Member m = index.find(inner);
        if (m == null) {
            if (index.isDirectory(inner)) {
                return Router.directoryRedirect(path, request.query());
            }
            return notFound();
        }
        if (m.unservable() != null) {
            LOG.log(System.Logger.Level.WARNING, zip.zipRealPath() + ": member '" + m.name() + "' not served: " + m.unservable());
            return new Route.Refuse(500, "The archive member cannot be served (" + m.unservable() + ").", HttpFields.EMPTY);
        }
        String type = mount.mimeTypes().typeOf(m.name().substring(m.name().lastIndexOf('/') + 1));
        if (type == null) {
            return new Route.Refuse(403, "Files of this type are not served.", HttpFields.EMPTY);
        }
        boolean gzip = m.method() == ZipIndex.DEFLATED && AcceptEncoding.acceptsGzip(request.headers());
        long zipModified = zip.zipAttributes().lastModifiedTime().toMillis();
        String etag = "\"z" + Long.toHexString(zipModified) + "-" + Long.toHexString(m.crc()) + "-"
                + Long.toHexString(m.size()) + (gzip ? "-gz\"" : "\"");
        HttpFields.Builder validators = HttpFields.builder()
                .add("etag", etag)
                .add("last-modified", HttpDates.format(zipModified))
                .add("cache-control", mount.cacheControl())
                .add("vary", "accept-encoding");
        switch (Conditionals.evaluate(request.method(), request.headers(), etag, Math.floorDiv(zipModified, 1000),
                Math.floorDiv(nowMillis, 1000))) {
            case NOT_MODIFIED:
                return new Route.Serve(304, validators.addAll(mount.headers()).build(),
                        ResponseBody.ofBytes(FileResponder.NOTHING), mount.mount(), user);
            case PRECONDITION_FAILED:
                return new Route.Refuse(412, "A precondition of the request did not hold.", HttpFields.EMPTY);
            default:
                break;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(zip.zipRealPath(), StandardOpenOption.READ);
            long data = index.dataOffset(channel, m);
            ResponseBody body;
            if (gzip) {
                body = GzipFromZip.body(channel, data, m.compressedSize(), m.crc(), m.size());
            } else if (m.method() == ZipIndex.DEFLATED) {
                body = new InflatingBody(channel, data, m.compressedSize(), m.size(), m.crc(),
                        zip.zipRealPath() + "!" + m.name());
            } else {
                body = new FileRegionBody(channel, data, m.size());
            }
            HttpFields.Builder h = HttpFields.builder();
            if (!type.isEmpty()) {
                h.add("content-type", type);
            }
            if (gzip) {
                h.add("content-encoding", "gzip");
            }
            h.addAll(validators.build()).add("accept-ranges", "none").addAll(mount.headers());
            return new Route.Serve(200, h.build(), body, mount.mount(), user);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            LOG.log(System.Logger.Level.WARNING, "mount " + mount.mount().mountpoint() + ": " + e.getMessage());
            return new Route.Refuse(500, "The archive member cannot be read.", HttpFields.EMPTY);
        }
    }

    private static Route notFound() {
        return new Route.Refuse(404, "The requested URL was not found on this server.", HttpFields.EMPTY);
    }
}
