package org.lightwire.plugin.postdemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.http.HttpProtocol;

/** The plugin's registration and per-vhost instances. */
class PostDemoProviderTest {

    /** A vhost that only knows its name: all the provider asks of it. */
    private static Vhost vhostNamed(String name) {
        return (Vhost) Proxy.newProxyInstance(Vhost.class.getClassLoader(), new Class<?>[] {Vhost.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("name")) {
                        return name;
                    }
                    throw new AssertionError("the provider has no business with Vhost." + method.getName());
                });
    }

    @Test
    void serviceFileRegistersTheProtocolUnderItsLwsName() {
        assertTrue(ServiceLoader.load(ProtocolProvider.class).stream()
                .anyMatch(p -> p.type() == PostDemoProvider.class && p.get().name().equals("protocol-post-demo")));
    }

    @Test
    void eachVhostGetsAnHttpProtocolGivingEachConnectionItsOwnSession() {
        HttpProtocol protocol = assertInstanceOf(HttpProtocol.class,
                new PostDemoProvider().create(vhostNamed("site"), Options.EMPTY));

        assertInstanceOf(PostDemoSession.class, protocol.newHttpSession(null));
        assertTrue(protocol.newHttpSession(null) != protocol.newHttpSession(null));
    }

    @Test
    void badOptionsFailTheInstanceNamingTheVhost() {
        LightwireException e = assertThrows(LightwireException.class, () -> new PostDemoProvider()
                .create(vhostNamed("site"), Options.builder().add("max-field-size", "-1").build()));

        assertEquals("vhost 'site': protocol 'protocol-post-demo' option 'max-field-size' must be between 1 and "
                + (1 << 24) + ", not -1", e.getMessage());
    }
}
