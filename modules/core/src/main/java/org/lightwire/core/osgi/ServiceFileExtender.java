package org.lightwire.core.osgi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * Publishes what bundles declare in {@code META-INF/services} for Lightwire service types
 * ({@code org.lightwire.*}) in the OSGi service registry, on the bundle's behalf, while the
 * bundle is active. Plugins therefore need no OSGi code: the same
 * {@code provides ... with ...} that serves {@link java.util.ServiceLoader} on the module
 * path serves the registry here (a small ServiceLoader-mediator extender).
 */
final class ServiceFileExtender implements BundleTrackerCustomizer<List<ServiceRegistration<?>>> {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");
    private static final String SERVICES = "META-INF/services";

    private final BundleContext context;
    private final BundleTracker<List<ServiceRegistration<?>>> tracker;

    ServiceFileExtender(BundleContext context) {
        this.context = context;
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    @Override
    public List<ServiceRegistration<?>> addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getBundleId() == context.getBundle().getBundleId() || bundle.getBundleId() == 0) {
            return null;
        }
        Enumeration<URL> files = bundle.findEntries(SERVICES, "org.lightwire.*", false);
        if (files == null) {
            return null;
        }
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        while (files.hasMoreElements()) {
            URL file = files.nextElement();
            String type = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
            for (String impl : providerNames(bundle, file)) {
                try {
                    Object provider = instantiate(bundle.loadClass(impl));
                    Hashtable<String, Object> props = new Hashtable<>();
                    props.put("lightwire.provider", impl);
                    registrations.add(bundle.getBundleContext().registerService(type, provider, props));
                    LOG.log(Level.DEBUG, () -> "bundle " + bundle.getSymbolicName() + ": registered " + type + " " + impl);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    LOG.log(Level.ERROR, "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion()
                            + ": cannot create " + type + " provider " + impl + ": " + e, e);
                }
            }
        }
        return registrations.isEmpty() ? null : registrations;
    }

    private static List<String> providerNames(Bundle bundle, URL file) {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.ERROR, "bundle " + bundle.getSymbolicName() + ": cannot read " + file + ": " + e.getMessage());
        }
        return names;
    }

    /** ServiceLoader's rules: a public static provider() method, else a public no-argument constructor. */
    private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
        try {
            Method m = type.getMethod("provider");
            if (Modifier.isStatic(m.getModifiers())) {
                return m.invoke(null);
            }
        } catch (NoSuchMethodException e) {
            // fall through to the constructor
        }
        return type.getConstructor().newInstance();
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registrations) {
        // nothing depends on other bundle states
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registrations) {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with the bundle
            }
        }
    }
}
