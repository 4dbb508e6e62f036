package org.lightwire.benchmarks.http;

import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** Jetty 12's own static file handler in this JVM, with its default thread pool. */
final class JettyFileServer implements FileServer {

    private final Server server;
    private final int port;

    private JettyFileServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static JettyFileServer start(Path root) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(root));
        files.setDirAllowed(false);
        server.setHandler(files);
        server.start();
        return new JettyFileServer(server, connector.getLocalPort());
    }

    @Override
    public String name() {
        return "jetty " + Server.getVersion();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
