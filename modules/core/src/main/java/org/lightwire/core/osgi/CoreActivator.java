package org.lightwire.core.osgi;

import java.util.Hashtable;
import org.lightwire.api.ContextFactory;
import org.lightwire.core.CoreContextFactory;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Core as an OSGi bundle: publishes a {@link ContextFactory} whose contexts find roles and
 * protocols in the OSGi service registry, and publishes other bundles'
 * {@code META-INF/services} declarations there. Stopping core closes every context it
 * made (their code is going away).
 */
public final class CoreActivator implements BundleActivator {

    private OsgiRegistry registry;
    private ServiceFileExtender extender;
    private CoreContextFactory factory;
    private ServiceRegistration<ContextFactory> registration;

    @Override
    public void start(BundleContext context) {
        registry = new OsgiRegistry(context);
        extender = new ServiceFileExtender(context);
        extender.open();
        factory = new CoreContextFactory(registry);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("lightwire.registry", "osgi");
        registration = context.registerService(ContextFactory.class, factory, props);
    }

    @Override
    public void stop(BundleContext context) {
        // unregister first: users of the factory close their contexts in response
        registration.unregister();
        factory.closeAll();
        extender.close();
        registry.close();
    }
}
