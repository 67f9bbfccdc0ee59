package dev.clouddemo.gcp;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.longrunning.OperationSnapshot;
import com.google.api.gax.rpc.NotFoundException;
import com.google.devtools.artifactregistry.v1.ArtifactRegistryClient;
import com.google.devtools.artifactregistry.v1.CreateRepositoryRequest;
import com.google.devtools.artifactregistry.v1.Repository;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * clouddemo's Artifact Registry repositories in one project and region: a function's build goes
 * into a repository of its own deployment (not the region's shared {@code gcf-artifacts}, which
 * clouddemo never deletes), created and deleted with it; found by label.
 */
public final class ArtifactRepositories {
    /** A repository's resource type in plans and state. */
    public static final String TYPE = "artifact-repository";

    private final ArtifactRegistryClient client;
    private final String location;

    ArtifactRepositories(ArtifactRegistryClient client, String project, String region) {
        this.client = client;
        this.location = "projects/" + project + "/locations/" + region;
    }

    /** The full name: {@code projects/P/locations/R/repositories/ID}. */
    public String name(String repositoryId) {
        return location + "/repositories/" + repositoryId;
    }

    static boolean isRepository(String id) {
        return id.matches("projects/[^/]+/locations/[^/]+/repositories/[^/]+");
    }

    public Optional<Repository> get(String repositoryId) {
        try {
            return Optional.of(client.getRepository(name(repositoryId)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates a Docker repository with the labels and waits for the operation; {@code started}
     * hears the operation's name first when it does not finish at once (to record it).
     */
    public Repository create(String repositoryId, Map<String, String> labels, String description, Consumer<String> started) {
        OperationFuture<Repository, ?> operation = client.createRepositoryAsync(CreateRepositoryRequest.newBuilder()
                .setParent(location).setRepositoryId(repositoryId)
                .setRepository(Repository.newBuilder().setFormat(Repository.Format.DOCKER).setDescription(description)
                        .putAllLabels(labels))
                .build());
        OperationSnapshot first = CloudFunctions.await(operation.getInitialFuture());
        if (!first.isDone()) {
            started.accept(first.getName());
        }
        return CloudFunctions.await(operation);
    }

    /** Polls a create that an earlier run started and did not see finish. */
    public Repository resume(String operationName) {
        return CloudFunctions.await(client.createRepositoryOperationCallable().resumeFutureCall(operationName));
    }

    List<Repository> labelled(Optional<EnvName> env) {
        List<Repository> found = new ArrayList<>();
        for (Repository repository : client.listRepositories(location).iterateAll()) {
            Map<String, String> labels = repository.getLabelsMap();
            if (Tags.MANAGED_BY_VALUE.equals(labels.get(Tags.MANAGED_BY))
                    && env.map(e -> e.value().equals(labels.get(Tags.ENV))).orElse(true)) {
                found.add(repository);
            }
        }
        return found;
    }

    /** Deletes the repository and the images in it, waiting for the operation; false when it was gone already. */
    public boolean delete(String fullName) {
        try {
            CloudFunctions.await(client.deleteRepositoryAsync(fullName));
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
