package dev.clouddemo.core.spi;

import java.util.Objects;

/**
 * A resource a destroy leaves in place because the cloud never deletes it (an application that
 * can only be switched off, say): its type and name as state records them, and why it stays and
 * what it costs now, in the user's words. The destroy receipt names it; the tag search that
 * proves the destroy does not count it.
 */
public record KeptResource(String type, String name, String why) {
    public KeptResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(why, "why");
    }

    public boolean is(String otherType, String otherName) {
        return type.equals(otherType) && name.equals(otherName);
    }
}
