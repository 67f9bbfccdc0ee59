package dev.clouddemo.testkit.conformance;

/**
 * One call a provider made to its cloud (or the ground standing in for it), as the ground's
 * recorder saw it: the service, the operation, and whether it may change anything.
 */
public record RecordedCall(String service, String operation, boolean write) {
    @Override
    public String toString() {
        return service + ":" + operation + (write ? " (write)" : "");
    }
}
