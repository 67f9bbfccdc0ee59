package dev.clouddemo.azure;

import dev.clouddemo.core.kit.wait.WaitLoop;

/**
 * The resource providers (namespaces such as {@code Microsoft.Storage}) a model needs, checked
 * explicitly: an unregistered one is a change in the plan, registered and waited for by deploy —
 * never left to the SDK's pipeline, which would register it silently on the first failure.
 */
public final class AzureResourceProviders {
    public static final String TYPE = "resource-provider";
    public static final String WAIT = "resource-provider";

    private final AzureSession session;

    AzureResourceProviders(AzureSession session) {
        this.session = session;
    }

    public boolean registered(String namespace) {
        return "Registered".equalsIgnoreCase(session.step("reading the registration of resource provider " + namespace,
                () -> session.resourceManager().providers().getByName(namespace).registrationState()));
    }

    /** Registers the namespace in the subscription and waits until Azure says it is registered. */
    public void register(String namespace, WaitLoop waits) {
        session.step("registering resource provider " + namespace + " in subscription " + session.subscriptionId(),
                () -> session.resourceManager().providers().register(namespace));
        waits.untilTrue("resource provider " + namespace + " to be registered", WAIT, () -> registered(namespace));
    }
}
