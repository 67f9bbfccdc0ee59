package dev.clouddemo.gcp;

import com.google.api.gax.rpc.NotFoundException;
import com.google.appengine.v1.Application;
import com.google.appengine.v1.CreateApplicationRequest;
import com.google.appengine.v1.CreateVersionRequest;
import com.google.appengine.v1.DeleteServiceRequest;
import com.google.appengine.v1.DeleteVersionRequest;
import com.google.appengine.v1.GetApplicationRequest;
import com.google.appengine.v1.GetServiceRequest;
import com.google.appengine.v1.GetVersionRequest;
import com.google.appengine.v1.ListServicesRequest;
import com.google.appengine.v1.ListVersionsRequest;
import com.google.appengine.v1.Service;
import com.google.appengine.v1.TrafficSplit;
import com.google.appengine.v1.UpdateApplicationRequest;
import com.google.appengine.v1.UpdateServiceRequest;
import com.google.appengine.v1.Version;
import com.google.longrunning.Operation;
import com.google.protobuf.FieldMask;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.spi.FoundResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The App Engine application of one project, through the Admin API v1 (REST): the application
 * ({@code apps/{project}}), its services and versions, and the long-running operations every
 * write returns, polled by clouddemo's wait loop ({@code waits.app-engine}). App Engine services
 * and versions take no labels: clouddemo's are found by name, {@code clouddemo-<env>} for a
 * service, {@code clouddemo-<env>-<code>} for a version (the only way to find one in the
 * {@code default} service).
 */
public final class AppEngineApps {
    public static final String APPLICATION = "app-engine-application";
    public static final String SERVICE = "app-engine-service";
    public static final String VERSION = "app-engine-version";
    /** The service the first version of a new application must go to, which can never be deleted. */
    public static final String DEFAULT_SERVICE = "default";
    /** The kind of wait for an Admin API operation ({@code waits.app-engine}). */
    public static final String WAIT = "app-engine";
    private static final String PREFIX = "clouddemo-";
    /** The length of the code hash in a version id. */
    public static final int CODE_CHARS = 12;
    private static final Pattern SERVICE_NAME = Pattern.compile("clouddemo-([a-z][a-z0-9-]{0,19})");
    private static final Pattern VERSION_NAME = Pattern.compile("clouddemo-([a-z][a-z0-9-]{0,19})-[0-9a-f]{" + CODE_CHARS + "}");

    private final GcpClients clients;
    private final String project;

    AppEngineApps(GcpClients clients, String project) {
        this.clients = clients;
        this.project = project;
    }

    /** {@code apps/{project}}: the application's resource name (one per project). */
    public String app() {
        return "apps/" + project;
    }

    public String serviceName(String service) {
        return app() + "/services/" + service;
    }

    public String versionName(String service, String version) {
        return serviceName(service) + "/versions/" + version;
    }

    /** The service of an environment that does not go to {@code default}. */
    public static String serviceId(EnvName env) {
        return PREFIX + env.value();
    }

    /** A version id: the environment and the code's hash, so the same code is the same version. */
    public static String versionId(EnvName env, String codeSha256) {
        return PREFIX + env.value() + "-" + codeSha256.substring(0, CODE_CHARS);
    }

    /** The application, or empty when the project has none yet. */
    public Optional<Application> application() {
        try {
            return Optional.of(clients.applications().getApplication(GetApplicationRequest.newBuilder().setName(app()).build()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public List<Service> services() {
        List<Service> all = new ArrayList<>();
        clients.appServices().listServices(ListServicesRequest.newBuilder().setParent(app()).build()).iterateAll()
                .forEach(all::add);
        return all;
    }

    public Optional<Service> service(String service) {
        try {
            return Optional.of(clients.appServices().getService(GetServiceRequest.newBuilder()
                    .setName(serviceName(service)).build()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public List<Version> versions(String service) {
        List<Version> all = new ArrayList<>();
        try {
            clients.versions().listVersions(ListVersionsRequest.newBuilder().setParent(serviceName(service)).build())
                    .iterateAll().forEach(all::add);
        } catch (NotFoundException e) {
            return List.of();
        }
        return all;
    }

    public Optional<Version> version(String service, String version) {
        try {
            return Optional.of(clients.versions().getVersion(GetVersionRequest.newBuilder()
                    .setName(versionName(service, version)).build()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Starts creating the application in {@code location}: the operation, to poll. */
    public Operation createApplication(String location) {
        return clients.applications().createApplicationCallable().call(CreateApplicationRequest.newBuilder()
                .setApplication(Application.newBuilder().setId(project).setLocationId(location)).build());
    }

    /** Starts switching the application's serving status ({@code SERVING} or {@code USER_DISABLED}). */
    public Operation servingStatus(Application.ServingStatus status) {
        return clients.applications().updateApplicationCallable().call(UpdateApplicationRequest.newBuilder().setName(app())
                .setApplication(Application.newBuilder().setServingStatus(status))
                .setUpdateMask(FieldMask.newBuilder().addPaths("serving_status")).build());
    }

    /** Starts creating a version in {@code service} (which App Engine creates with its first version). */
    public Operation createVersion(String service, Version version) {
        return clients.versions().createVersionCallable().call(CreateVersionRequest.newBuilder()
                .setParent(serviceName(service)).setVersion(version).build());
    }

    /** Starts sending all of the service's traffic to {@code version}. */
    public Operation routeAllTraffic(String service, String version) {
        return clients.appServices().updateServiceCallable().call(UpdateServiceRequest.newBuilder().setName(serviceName(service))
                .setService(Service.newBuilder().setSplit(TrafficSplit.newBuilder().putAllocations(version, 1.0)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("split")).build());
    }

    /** Starts deleting a version; empty when it is already gone. */
    public Optional<Operation> deleteVersion(String service, String version) {
        try {
            return Optional.of(clients.versions().deleteVersionCallable().call(DeleteVersionRequest.newBuilder()
                    .setName(versionName(service, version)).build()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Starts deleting a service with its versions; empty when it is already gone. */
    public Optional<Operation> deleteService(String service) {
        try {
            return Optional.of(clients.appServices().deleteServiceCallable().call(DeleteServiceRequest.newBuilder()
                    .setName(serviceName(service)).build()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Which client's operations a write returned: each client's operations reader knows only the
     * response types of its own writes (a version's operation read through the applications client
     * fails to parse its {@code google.appengine.v1.Version} response).
     */
    public enum Of { APPLICATION, SERVICE, VERSION }

    /**
     * Polls the operation until it is done; a done operation with an error is a clear failure
     * naming the operation (state records what exists).
     */
    public Operation await(Operation started, Of of, String what, WaitLoop wait) {
        if (!started.getDone() && started.getName().isEmpty()) {
            throw ClouddemoException.cloud("App Engine answered the call for " + what + " with no operation to wait for",
                    "check the endpoint the App Engine Admin API is reached at; state records what exists", null);
        }
        Operation done = started.getDone() ? started : wait.until(() -> what, WAIT, () -> {
            Operation now = operations(of).getOperation(started.getName());
            return now.getDone() ? Optional.of(now) : Optional.empty();
        });
        if (done.hasError()) {
            throw failure(what, done);
        }
        return done;
    }

    /** Polls an operation an earlier run started, by its name. */
    public Operation resume(String operation, Of of, String what, WaitLoop wait) {
        return await(Operation.newBuilder().setName(operation).setDone(false).build(), of, what, wait);
    }

    private com.google.api.gax.httpjson.longrunning.OperationsClient operations(Of of) {
        return switch (of) {
            case APPLICATION -> clients.applications().getHttpJsonOperationsClient();
            case SERVICE -> clients.appServices().getHttpJsonOperationsClient();
            case VERSION -> clients.versions().getHttpJsonOperationsClient();
        };
    }

    /** A done operation's error, explained: permission, quota, billing, or as App Engine said it. */
    static ClouddemoException failure(String what, Operation operation) {
        com.google.rpc.Status error = operation.getError();
        String text = what + " failed: " + error.getMessage() + " (operation " + operation.getName() + ", code "
                + com.google.rpc.Code.forNumber(error.getCode()) + ")";
        String message = error.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (error.getCode() == com.google.rpc.Code.PERMISSION_DENIED_VALUE) {
            return ClouddemoException.credentials(text, "the caller lacks an App Engine permission in the project"
                    + " (docs/models/gcp-paas.md lists the roles)", null);
        }
        if (message.contains("billing")) {
            return ClouddemoException.cloud(text, "link a billing account to the project (`gcloud billing projects link"
                    + " PROJECT --billing-account=ACCOUNT`), then run the command again", null);
        }
        if (error.getCode() == com.google.rpc.Code.RESOURCE_EXHAUSTED_VALUE) {
            return ClouddemoException.cloud(text, "an App Engine quota of the project is used up: see the console's"
                    + " App Engine > Quotas, free some, or try later; state records what exists", null);
        }
        return ClouddemoException.cloud(text, "state records what was created; run the command again once the cause is"
                + " fixed (`gcloud app operations describe` tells more), or `clouddemo destroy` to remove it", null);
    }

    /**
     * clouddemo's services ({@code clouddemo-<env>}) and its versions in {@code default}
     * ({@code clouddemo-<env>-<code>}), found by name; labels standing in for what the names say.
     * A project without an application holds none.
     */
    public List<FoundResource> find(Optional<EnvName> env) {
        if (application().isEmpty()) {
            return List.of();
        }
        List<FoundResource> found = new ArrayList<>();
        for (Service service : services()) {
            String id = service.getId();
            if (DEFAULT_SERVICE.equals(id)) {
                for (Version version : versions(DEFAULT_SERVICE)) {
                    envOf(VERSION_NAME, version.getId()).filter(e -> env.map(x -> x.value().equals(e)).orElse(true))
                            .ifPresent(e -> found.add(new FoundResource(version.getName(), VERSION, version.getId(), null,
                                    labels(e))));
                }
            } else {
                envOf(SERVICE_NAME, id).filter(e -> env.map(x -> x.value().equals(e)).orElse(true))
                        .ifPresent(e -> found.add(new FoundResource(service.getName(), SERVICE, id, null, labels(e))));
            }
        }
        return found;
    }

    private static Optional<String> envOf(Pattern pattern, String name) {
        Matcher m = pattern.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Map<String, String> labels(String env) {
        return Tags.forDeployment(EnvName.of(env), dev.clouddemo.core.model.ServiceModel.PAAS);
    }

    /** Whether a found resource's id is an App Engine service's or version's. */
    static boolean isAppEngine(String id) {
        return id.startsWith("apps/") && id.contains("/services/");
    }

    /** Whether a found resource can be removed: not the last version of {@code default}, which App Engine keeps. */
    boolean removable(FoundResource resource) {
        String[] parts = resource.id().split("/");
        return !(resource.type().equals(VERSION) && DEFAULT_SERVICE.equals(parts[3]) && versions(DEFAULT_SERVICE).size() <= 1);
    }

    /** Removes a found service, or a found version of {@code default}, and waits; false when it was already gone. */
    boolean remove(FoundResource resource, WaitLoop wait) {
        String[] parts = resource.id().split("/");
        Optional<Operation> started = resource.type().equals(VERSION) ? deleteVersion(parts[3], parts[5]) : deleteService(parts[3]);
        started.ifPresent(op -> await(op, resource.type().equals(VERSION) ? Of.VERSION : Of.SERVICE, "deleting " + resource.id(),
                wait));
        return started.isPresent();
    }
}
