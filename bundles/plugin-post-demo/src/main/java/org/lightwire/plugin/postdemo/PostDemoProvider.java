package org.lightwire.plugin.postdemo;

import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.http.HttpProtocol;
import org.lightwire.api.http.HttpSession;

/**
 * "protocol-post-demo", the analogue of lws' post-demo plugin: bound to a
 * {@code callback://protocol-post-demo} mount (lws {@code LWSMPRO_CALLBACK}), it serves
 * the test page's form and answers its posts ({@code application/x-www-form-urlencoded}
 * or {@code multipart/form-data} with fields text, send, file, upload) with a page listing
 * what arrived. Bodies are streamed and bounded by the pvos {@code upload-dir},
 * {@code max-file-size}, {@code max-fields}, {@code max-field-size} and
 * {@code max-part-header-size} (see {@link PostDemoLimits}).
 */
public final class PostDemoProvider implements ProtocolProvider {

    public static final String NAME = "protocol-post-demo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        PostDemoLimits limits = PostDemoLimits.from(options, vhost.name());
        return new HttpProtocol() {
            @Override
            public HttpSession newHttpSession(Connection connection) {
                return new PostDemoSession(limits);
            }
        };
    }
}
