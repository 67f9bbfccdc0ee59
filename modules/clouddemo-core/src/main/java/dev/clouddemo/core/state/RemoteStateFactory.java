package dev.clouddemo.core.state;

/**
 * Opens a cloud's object store for remote state. Found with {@link java.util.ServiceLoader}: a
 * provider module that offers one lists it in
 * {@code META-INF/services/dev.clouddemo.core.state.RemoteStateFactory}. A provider without one
 * simply offers no remote state (its scheme is reported as unknown).
 */
public interface RemoteStateFactory {
    /** The URL scheme it serves, one lowercase word. */
    String scheme();

    /**
     * The store at {@code url}, through the provider's usual credential chain, or at the local
     * emulator when {@code local} (as {@code --local} does for deployments). Touches no network.
     */
    StateObjects open(StateUrl url, boolean local);
}
