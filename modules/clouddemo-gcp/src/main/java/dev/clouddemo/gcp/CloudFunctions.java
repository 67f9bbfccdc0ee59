package dev.clouddemo.gcp;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.functions.v2.Function;
import com.google.cloud.functions.v2.FunctionServiceClient;
import com.google.cloud.functions.v2.StorageSource;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * clouddemo's Cloud Functions (2nd gen) in one project and region: reading one, finding them by
 * label (the list is compared here: the emulator ignores a filter), deleting one with its source
 * zip and waiting.
 */
public final class CloudFunctions {
    /** A function's resource type in plans and state. */
    public static final String TYPE = "cloud-function";

    private final FunctionServiceClient client;
    private final Supplier<Storage> sources;
    private final String location;

    CloudFunctions(FunctionServiceClient client, Supplier<Storage> sources, String project, String region) {
        this.client = client;
        this.sources = sources;
        this.location = "projects/" + project + "/locations/" + region;
    }

    public String location() {
        return location;
    }

    /** The full name of a function of this location: {@code projects/P/locations/R/functions/ID}. */
    public String name(String functionId) {
        return location + "/functions/" + functionId;
    }

    static boolean isFunction(String id) {
        return id.matches("projects/[^/]+/locations/[^/]+/functions/[^/]+");
    }

    public Optional<Function> get(String functionId) {
        try {
            return Optional.of(client.getFunction(name(functionId)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    List<Function> labelled(Optional<EnvName> env) {
        List<Function> found = new ArrayList<>();
        for (Function function : client.listFunctions(location).iterateAll()) {
            Map<String, String> labels = function.getLabelsMap();
            if (Tags.MANAGED_BY_VALUE.equals(labels.get(Tags.MANAGED_BY))
                    && env.map(e -> e.value().equals(labels.get(Tags.ENV))).orElse(true)) {
                found.add(function);
            }
        }
        return found;
    }

    /**
     * Deletes the function and waits for the operation, then the source zip it was built from
     * (Cloud Functions keeps it in its {@code gcf-v2-sources-*} bucket after the function is gone);
     * false when the function was gone already.
     */
    public boolean delete(String fullName) {
        Function function;
        try {
            function = client.getFunction(fullName);
            await(client.deleteFunctionAsync(fullName));
        } catch (NotFoundException e) {
            return false;
        }
        removeSource(function);
        return true;
    }

    /** The function's source zip, when it names one; nothing when it is gone already. */
    void removeSource(Function function) {
        StorageSource source = function.getBuildConfig().getSource().getStorageSource();
        if (!source.getBucket().isEmpty() && !source.getObject().isEmpty()) {
            sources.get().delete(BlobId.of(source.getBucket(), source.getObject()));
        }
    }

    /** The result of a long-running operation, its failure thrown as the client library's. */
    public static <T> T await(Future<T> operation) {
        try {
            return operation.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(GcpErrors.messageOf(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
