package dev.clouddemo.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a provider's SDK looks for credentials on this machine, source by source in the order it
 * tries them, whether each gave any, and a detail (which profile, which key, or why not); the first
 * that gave credentials is the one a session uses. {@code hint} says what to do when none did.
 * Never holds a secret.
 */
public record CredentialChain(List<Source> sources, String hint) {
    /** One source of the chain: its name, whether it gave credentials, and what it found or why not. */
    public record Source(String name, boolean found, String detail) {
        public Source {
            Objects.requireNonNull(name, "name");
        }
    }

    public CredentialChain {
        sources = List.copyOf(sources);
    }

    /** The source a session uses: the first that gave credentials. */
    public Optional<Source> winner() {
        return sources.stream().filter(Source::found).findFirst();
    }
}
