package org.lightwire.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lightwire.api.ContextSettings;
import org.lightwire.api.RetryPolicy;
import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.JsonValue.ArrayValue;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.ObjectValue;

/**
 * Merges config documents, in the order they are added, into one {@link ContextSettings}:
 * the {@code "global"} sections combine and the {@code "vhosts"} arrays append, as lwsws
 * does with {@code conf} and the files of {@code conf.d/}. A document holds nothing else.
 */
final class SettingsAssembler {

    private final Scalars scalars;
    private final GlobalSection global = new GlobalSection();
    private final List<VhostSection> vhosts = new ArrayList<>();

    SettingsAssembler(Path dataDir) {
        this.scalars = new Scalars(dataDir);
    }

    /** Adds one parsed document, named {@code file} in errors. */
    void add(String file, JsonValue document) throws ConfigException {
        Section top = Section.top(file);
        if (!(document instanceof ObjectValue root)) {
            throw top.error(document.at(), null, "a config file holds one JSON object, not " + document.kind());
        }
        for (Member member : root.members()) {
            Field f = top.field(member);
            switch (f.key()) {
                case "global" -> {
                    if (!(f.value() instanceof ObjectValue section)) {
                        throw f.error("expected an object, found " + f.value().kind());
                    }
                    global.read(new Section(file, "global", "global"), section, scalars);
                }
                case "vhosts" -> addVhosts(top, f);
                default -> throw f.error("unknown key: a config file holds only \"global\" and \"vhosts\"");
            }
        }
    }

    private void addVhosts(Section top, Field f) throws ConfigException {
        if (!(f.value() instanceof ArrayValue list)) {
            throw f.error("expected an array of vhost objects, found " + f.value().kind());
        }
        for (int i = 0; i < list.elements().size(); i++) {
            JsonValue element = list.elements().get(i);
            if (!(element instanceof ObjectValue vhost)) {
                throw top.error(element.at(), "vhosts[" + i + "]", "expected a vhost object, found " + element.kind());
            }
            vhosts.add(VhostSection.read(top.file(), i, vhost, scalars));
        }
    }

    /** The settings from every document added so far. */
    ContextSettings build() throws ConfigException {
        ContextSettings.Builder context = ContextSettings.builder();
        global.applyTo(context);
        // Vhosts inherit the policy of all global sections, including files read after theirs.
        RetryPolicy policy = global.retryPolicy();
        for (VhostSection vhost : vhosts) {
            context.vhost(vhost.build(policy));
        }
        return context.build();
    }
}
