package dev.clouddemo.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.kit.wait.WaitLoop;
import java.util.Map;
import java.util.Optional;

/**
 * Resource groups, clouddemo's unit of teardown: one per deployment, tagged. Deleting one is a
 * long-running operation whose reference ({@code Azure-AsyncOperation}, else {@code Location})
 * is handed back, so state keeps it and a later run polls the same operation instead of starting
 * another.
 */
public final class AzureResourceGroups {
    public static final String TYPE = "resource-group";
    public static final String WAIT = "resource-group";
    static final String API_VERSION = "2021-04-01";
    /** Created untagged by Azure for the first VNet of a region: never clouddemo's. */
    public static final String NETWORK_WATCHER = "NetworkWatcherRG";

    private final AzureSession session;

    AzureResourceGroups(AzureSession session) {
        this.session = session;
    }

    /** The group, or empty when there is none of that name. */
    public Optional<ResourceGroup> find(String name) {
        try {
            return Optional.of(session.resourceManager().resourceGroups().getByName(name));
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates (or updates) the group with its tags, in one call; returns its ARM id. */
    public String create(String name, String location, Map<String, String> tags) {
        return session.resourceManager().resourceGroups().define(name).withRegion(location).withTags(tags).create().id();
    }

    public static String id(String subscription, String name) {
        return "/subscriptions/" + subscription + "/resourceGroups/" + name;
    }

    /**
     * Starts deleting the group: the operation's reference to poll, or empty when the group was
     * gone already (or went at once).
     */
    public Optional<String> beginDelete(String name) {
        String url = session.target().armEndpoint() + "subscriptions/" + session.subscriptionId() + "/resourcegroups/"
                + name + "?api-version=" + API_VERSION;
        try (HttpResponse response = send(HttpMethod.DELETE, url)) {
            int status = response.getStatusCode();
            if (status == 404 || status == 200 || status == 204) {
                return Optional.empty();
            }
            if (status == 202) {
                String async = response.getHeaderValue("Azure-AsyncOperation");
                String location = response.getHeaderValue("Location");
                String ref = async != null ? async : location;
                if (ref == null) {
                    throw AzureErrors.http(status, null, "the delete was accepted without an operation to poll",
                            "deleting resource group " + name, null);
                }
                return Optional.of(ref);
            }
            throw failure(response, "deleting resource group " + name);
        }
    }

    /**
     * Polls a delete operation until it ends, then checks the group is gone. An operation Azure no
     * longer knows (404) ends the poll: the group's absence decides.
     */
    public void awaitDeleted(String name, String operation, WaitLoop waits) {
        waits.untilTrue("resource group " + name + " to be deleted", WAIT, () -> operationDone(name, operation));
        if (find(name).isPresent()) {
            waits.untilTrue("resource group " + name + " to disappear", WAIT, () -> find(name).isEmpty());
        }
    }

    private boolean operationDone(String name, String operation) {
        try (HttpResponse response = send(HttpMethod.GET, operation)) {
            int status = response.getStatusCode();
            if (status == 202) {
                return false;
            }
            if (status == 404 || status == 204) {
                return true;
            }
            if (status != 200) {
                throw failure(response, "polling the deletion of resource group " + name);
            }
            String body = response.getBodyAsString().block();
            // a Location poll answers 200 when done; an Azure-AsyncOperation poll says so in "status"
            String operationStatus = body == null || body.isBlank() ? null : string(parse(body).get("status"));
            if (operationStatus == null || "Succeeded".equalsIgnoreCase(operationStatus)) {
                return true;
            }
            if ("Failed".equalsIgnoreCase(operationStatus) || "Canceled".equalsIgnoreCase(operationStatus)) {
                Map<String, Object> error = parse(body).get("error") instanceof Map<?, ?> m ? cast(m) : Map.of();
                throw AzureErrors.http(200, string(error.get("code")), "the deletion ended " + operationStatus + ": "
                        + String.valueOf(error.getOrDefault("message", "no reason given")), "deleting resource group " + name, null);
            }
            return false;
        }
    }

    private HttpResponse send(HttpMethod method, String url) {
        return session.pipeline().sendSync(new HttpRequest(method, url), Context.NONE);
    }

    private static RuntimeException failure(HttpResponse response, String doing) {
        String body = response.getBodyAsString().block();
        Map<String, Object> root = body == null || body.isBlank() ? Map.of() : parse(body);
        Map<String, Object> error = root.get("error") instanceof Map<?, ?> m ? cast(m) : Map.of();
        return AzureErrors.http(response.getStatusCode(), string(error.get("code")), string(error.get("message")), doing, null);
    }

    private static Map<String, Object> parse(String body) {
        try {
            return Json.parse(body) instanceof Map<?, ?> m ? cast(m) : Map.of();
        } catch (Json.ParseException e) {
            return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
