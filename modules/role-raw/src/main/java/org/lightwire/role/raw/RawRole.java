package org.lightwire.role.raw;

import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * What the raw roles have in common: they differ only in name (and so in which
 * connections the engine gives them), not in behaviour.
 */
abstract class RawRole implements Role {

    private final String name;

    RawRole(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final RoleHandler bind(RoleBinding binding) {
        return new RawHandler(binding, name);
    }
}
