package dev.clouddemo.core.engine;

import dev.clouddemo.core.kit.net.UrlProbe;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.ResourceRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code status --refresh} learnt of one deployment: what the cloud says of each recorded
 * resource it looked at, how each URL output answered, and, when state was updated, which records
 * it dropped because their resource is gone.
 */
public record DeploymentCheck(List<ObservedResource> resources, Map<String, UrlProbe.Answer> urls,
        List<ObservedResource> forgotten) {
    public DeploymentCheck {
        resources = List.copyOf(resources);
        urls = Map.copyOf(urls);
        forgotten = List.copyOf(forgotten);
    }

    /** What the cloud says of a record, if its deployer looked. */
    public Optional<ObservedResource> of(ResourceRecord record) {
        return resources.stream().filter(o -> record.is(o.type(), o.name())).findFirst();
    }

    /** Whatever differs from what was deployed: a resource gone or degraded, a URL with no answer. */
    public boolean drifted() {
        return resources.stream().anyMatch(o -> o.condition() != ObservedResource.Condition.OK)
                || urls.values().stream().anyMatch(a -> !a.answered());
    }

    public List<ObservedResource> gone() {
        return resources.stream().filter(o -> o.condition() == ObservedResource.Condition.GONE).toList();
    }
}
