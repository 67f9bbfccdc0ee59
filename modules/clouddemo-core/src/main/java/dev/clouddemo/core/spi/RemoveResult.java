package dev.clouddemo.core.spi;

/** What removing one found resource did. */
public enum RemoveResult {
    /** It was there and is gone now, with whatever it held. */
    REMOVED,
    /** It was gone already when the removal came (removed meanwhile, or with its container). */
    ALREADY_GONE,
    /** This provider cannot remove this kind of resource on its own: the user removes it in the console. */
    CANNOT_REMOVE
}
