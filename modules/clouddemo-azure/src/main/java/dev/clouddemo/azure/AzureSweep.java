package dev.clouddemo.azure;

import com.azure.core.util.Context;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceExpandedInner;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobContainerItem;
import com.azure.storage.blob.models.BlobContainerListDetails;
import com.azure.storage.blob.models.ListBlobContainersOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.RemoveResult;
import dev.clouddemo.core.spi.ResourceSearch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The safety net behind {@code discover} and {@code remove}, through Resource Manager's own tag
 * queries, never through state: the resource groups and the resources tagged for an environment
 * (or managed by clouddemo at all). The resources query returns no tags when it filters by one,
 * so a resource takes the tags of its group when that is clouddemo's, and names the group as its
 * container: a sweep lists an orphan group once, with what it holds. {@code NetworkWatcherRG} is
 * never clouddemo's. On Azurite (no Resource Manager), the containers whose metadata carries
 * clouddemo's tags.
 */
final class AzureSweep implements ResourceSearch {
    private final AzureSession session;

    AzureSweep(AzureSession session) {
        this.session = session;
    }

    @Override
    public List<FoundResource> find(Optional<EnvName> env) {
        String key = env.isPresent() ? Tags.ENV : Tags.MANAGED_BY;
        String value = env.map(EnvName::value).orElse(Tags.MANAGED_BY_VALUE);
        return session.step("searching for resources tagged " + key + "=" + value,
                () -> session.local() ? local(key, value) : arm(key, value));
    }

    private List<FoundResource> arm(String key, String value) {
        Map<String, FoundResource> groups = new LinkedHashMap<>();
        for (ResourceGroup group : session.resourceManager().resourceGroups().listByTag(key, value)) {
            if (ours(group.name(), group.tags())) {
                groups.put(group.name().toLowerCase(Locale.ROOT), new FoundResource(group.id(), AzureResourceGroups.TYPE,
                        group.name(), null, group.tags()));
            }
        }
        List<FoundResource> found = new ArrayList<>(groups.values());
        String filter = "tagName eq '" + key + "' and tagValue eq '" + value + "'";
        for (GenericResourceExpandedInner resource : session.resourceManager().serviceClient().getResources()
                .list(filter, null, null, Context.NONE)) {
            String groupName = groupOf(resource.id());
            FoundResource group = groupName == null ? null : groups.get(groupName.toLowerCase(Locale.ROOT));
            Map<String, String> tags = new HashMap<>(group == null ? Map.of(Tags.MANAGED_BY, Tags.MANAGED_BY_VALUE) : group.tags());
            tags.put(key, value);
            found.add(new FoundResource(resource.id(), resource.type(), resource.name(),
                    group == null ? null : group.id(), tags));
        }
        return found;
    }

    /** The resource group named in an ARM id ({@code /subscriptions/…/resourceGroups/NAME/…}). */
    static String groupOf(String id) {
        String[] parts = id.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equalsIgnoreCase("resourceGroups")) {
                return parts[i + 1];
            }
        }
        return null;
    }

    /** A group carrying clouddemo's tags, and never Azure's own network-watcher group. */
    static boolean ours(String group, Map<String, String> tags) {
        return !AzureResourceGroups.NETWORK_WATCHER.equalsIgnoreCase(group) && tags != null
                && Tags.MANAGED_BY_VALUE.equals(tags.get(Tags.MANAGED_BY));
    }

    /**
     * The site containers on Azurite. Azurite not running is an {@code EndpointUnreachable} (from
     * the session's connect check), which a sweep of every provider's emulators reports as not
     * searched and goes on past.
     */
    private List<FoundResource> local(String key, String value) {
        BlobServiceClient blobs = session.localBlobService();
        List<FoundResource> found = new ArrayList<>();
        ListBlobContainersOptions options = new ListBlobContainersOptions()
                .setDetails(new BlobContainerListDetails().setRetrieveMetadata(true));
        for (BlobContainerItem container : blobs.listBlobContainers(options, null)) {
            Map<String, String> tags = BlobContainerTags.fromMetadata(container.getMetadata());
            if (value.equals(tags.get(key)) && Tags.MANAGED_BY_VALUE.equals(tags.get(Tags.MANAGED_BY))) {
                found.add(new FoundResource(session.endpoint() + "/" + container.getName(), LOCAL_CONTAINER,
                        container.getName(), null, tags));
            }
        }
        return found;
    }

    static final String LOCAL_CONTAINER = "blob-container";

    @Override
    public RemoveResult remove(FoundResource resource, Progress progress, Cancellation cancellation) {
        if (session.local() && LOCAL_CONTAINER.equals(resource.type())) {
            BlobObjectStore store = new BlobObjectStore(session.localBlobService().getBlobContainerClient(resource.name()));
            progress.info("Deleting container " + resource.name() + " and its blobs on Azurite");
            store.deleteAll();
            return RemoveResult.REMOVED;
        }
        if (AzureResourceGroups.TYPE.equals(resource.type())) {
            if (!ours(resource.name(), resource.tags())) {
                return RemoveResult.CANNOT_REMOVE;
            }
            AzureResourceGroups groups = session.resourceGroups();
            progress.info("Deleting resource group " + resource.name() + " with everything it holds");
            if (groups.find(resource.name()).isEmpty()) {
                return RemoveResult.ALREADY_GONE;
            }
            groups.beginDelete(resource.name()).ifPresent(operation ->
                    groups.awaitDeleted(resource.name(), operation, session.waits(progress, cancellation)));
            return RemoveResult.REMOVED;
        }
        return RemoveResult.CANNOT_REMOVE;
    }
}
