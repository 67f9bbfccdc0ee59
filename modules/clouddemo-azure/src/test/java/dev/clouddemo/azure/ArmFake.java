package dev.clouddemo.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.clouddemo.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Azure Resource Manager, which no emulator implements, as a stateful fake over real HTTP: one
 * WireMock transformer keeps resource groups, storage accounts and resource-provider registrations
 * in memory and answers in the documented shapes (bodies from {@code arm-fake/*.json}). Creating
 * an account answers 202 and a {@code Location} polled once before the account; deleting a group
 * answers 202 with an {@code Azure-AsyncOperation} that is {@code InProgress} for
 * {@link #deletePolls} polls, then {@code Succeeded} with the group and its accounts gone. A
 * namespace not registered refuses the storage calls with {@code MissingSubscriptionRegistration}
 * until registered (Registering, then Registered at the next read). A storage account's blob
 * endpoint is an account on Azurite, whose key {@code listKeys} gives: the data plane is real.
 * Requests without a bearer token are refused (401). Scenario mappings
 * ({@code wiremock/<scenario>/mappings}) take precedence over the fake.
 */
final class ArmFake implements ResponseDefinitionTransformerV2, AutoCloseable {
    static final String SUBSCRIPTION = "00000000-0000-0000-0000-0000000c10d0";
    private static final Pattern GROUP = Pattern.compile("/subscriptions/([^/]+)/resourcegroups/([^/]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUPS = Pattern.compile("/subscriptions/([^/]+)/resourcegroups", Pattern.CASE_INSENSITIVE);
    private static final Pattern RESOURCES = Pattern.compile("/subscriptions/([^/]+)/resources", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROVIDER = Pattern.compile("/subscriptions/([^/]+)/providers/([^/]+)(/register)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_CHECK = Pattern.compile(
            "/subscriptions/([^/]+)/providers/Microsoft\\.Storage/checkNameAvailability", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCOUNT = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Storage/storageAccounts/([^/]+)(/listKeys)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPERATION = Pattern.compile("/fake-operations/([^/]+)");
    /** A Network or Compute resource in a group: a virtual network, security group, public IP, network interface, VM. */
    private static final Pattern GENERIC = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/(Microsoft\\.(?:Network|Compute|Web))/([^/]+)/([^/]+)",
            Pattern.CASE_INSENSITIVE);
    /** A blob container, made through Resource Manager. */
    private static final Pattern CONTAINER = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Storage/storageAccounts/([^/]+)/blobServices/default/containers/([^/]+)",
            Pattern.CASE_INSENSITIVE);
    /** The tags of a resource, as the Tags API at its scope keeps them. */
    private static final Pattern TAGS = Pattern.compile("(/subscriptions/.+)/providers/Microsoft\\.Resources/tags/default",
            Pattern.CASE_INSENSITIVE);
    /** A request the test client sent to an app's own host (its site or its deployment host), under this prefix. */
    static final String HOST_PREFIX = "/__host/";
    private static final Pattern SKUS = Pattern.compile("/subscriptions/([^/]+)/providers/Microsoft\\.Compute/skus",
            Pattern.CASE_INSENSITIVE);
    static final String PRICES_PATH = "/api/retail/prices";
    private static final Pattern APP_SETTINGS = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Web/sites/([^/]+)/config/appsettings(/list)?",
            Pattern.CASE_INSENSITIVE);
    /** A Web App's page, where Azure has https://NAME.azurewebsites.net/. */
    private static final Pattern APP_PAGE = Pattern.compile("/apps/([^/]+)(/.*)?");
    /** Its Kudu, where Azure has https://NAME.scm.azurewebsites.net/api/…. */
    private static final Pattern KUDU = Pattern.compile("/scm/([^/]+)/api/(zipdeploy|deployments/latest)");

    /** A Web App's code as Kudu holds it: the last zip deployed, and its deployment. */
    private static final class Kudu {
        byte[] zip;
        String id;
        String message;
        int pollsLeft;
        boolean failed;
    }

    private final Map<String, Kudu> kudus = new LinkedHashMap<>();
    private final List<String> pageAuthorizations = new ArrayList<>();
    private volatile String failDeployments;
    private volatile int deploymentPolls = 1;

    private record Group(String name, String location, Map<String, String> tags) {
    }

    private static final class Account {
        final String group;
        final String name;
        final String location;
        final Map<String, String> tags;
        boolean sharedKeyAccess = true;
        int pollsLeft = 1;

        Account(String group, String name, String location, Map<String, String> tags) {
            this.group = group;
            this.name = name;
            this.location = location;
            this.tags = tags;
        }
    }

    /** A Network or Compute resource as ARM keeps it: the body it answers GET with. */
    private static final class Generic {
        final String group;
        final String namespace;
        final String type;
        final String name;
        final Map<String, Object> body;

        Generic(String group, String namespace, String type, String name, Map<String, Object> body) {
            this.group = group;
            this.namespace = namespace;
            this.type = type;
            this.name = name;
            this.body = body;
        }

        String id() {
            return "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + group + "/providers/" + namespace + "/" + type + "/" + name;
        }

        @SuppressWarnings("unchecked")
        Map<String, String> tags() {
            return body.get("tags") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        }
    }

    private final Map<String, Generic> generics = new LinkedHashMap<>();
    private final Map<String, String> containers = new LinkedHashMap<>();
    /** Per site (lower-case name): its app settings, which Azure never hands back with the site. */
    private final Map<String, Map<String, String>> appSettings = new LinkedHashMap<>();
    /** Per site: its last deployment (id, polls left, the zip, whether built remotely, the outcome). */
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();

    private static final class Deployment {
        final String id = UUID.randomUUID().toString();
        final byte[] zip;
        final boolean remoteBuild;
        int pollsLeft = 1;
        String failure;

        Deployment(byte[] zip, boolean remoteBuild) {
            this.zip = zip;
            this.remoteBuild = remoteBuild;
        }
    }
    private final Map<String, String> resourceOperations = new LinkedHashMap<>();
    private int addresses;
    private volatile String spotAllocationFailure;
    private final WireMockServer server;
    private final Function<String, String> blobEndpoint;
    private final Function<String, String> key;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, String> deleting = new LinkedHashMap<>();
    private final Map<String, Integer> operationPolls = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, String> registration = new LinkedHashMap<>();
    private volatile int deletePolls = 1;
    private volatile boolean sharedKeyAccess = true;

    /**
     * @param blobEndpoint an account's blob service URL (on Azurite)
     * @param key          its key, as the emulator knows it
     */
    ArmFake(Function<String, String> blobEndpoint, Function<String, String> key) {
        this.blobEndpoint = blobEndpoint;
        this.key = key;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(getName())));
        registration.put("microsoft.storage", "Registered");
    }

    int port() {
        return server.port();
    }

    /** The base URL the provider is given: https, as the bearer-token policy demands (sent as http by the test client). */
    String endpoint() {
        return "https://127.0.0.1:" + server.port() + "/";
    }

    /** Adds a scenario's mappings ({@code wiremock/<scenario>/mappings/*.json}), which win over the fake. */
    void scenario(String scenario) {
        try {
            URL folder = ArmFake.class.getResource("/wiremock/" + scenario + "/mappings");
            if (folder == null) {
                throw new IllegalArgumentException("no scenario " + scenario);
            }
            try (Stream<Path> files = Files.list(Paths.get(folder.toURI()))) {
                for (Path file : files.sorted().toList()) {
                    server.addStubMapping(StubMapping.buildFrom(Files.readString(file)));
                }
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void unregistered(String namespace) {
        registration.put(namespace.toLowerCase(Locale.ROOT), "NotRegistered");
    }

    /** Accounts created from now on forbid shared keys ({@code allowSharedKeyAccess: false}), as a tenant policy makes them. */
    void forbidSharedKeys() {
        this.sharedKeyAccess = false;
    }

    void deletePolls(int polls) {
        this.deletePolls = polls;
    }

    synchronized boolean hasGroup(String name) {
        return groups.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The Network and Compute resources of a group, as {@code Namespace/type/name tags}. */
    synchronized List<String> resources(String group) {
        return generics.values().stream().filter(r -> r.group.equalsIgnoreCase(group))
                .map(r -> r.namespace + "/" + r.type + "/" + r.name + " " + new java.util.TreeMap<>(r.tags())).toList();
    }

    /** The body of the newest PUT whose path ends with {@code suffix} (null when none). */
    String lastPut(String suffix) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PUT")
                        && URI.create(e.getRequest().getUrl()).getPath().endsWith(suffix))
                .map(e -> e.getRequest().getBodyAsString()).findFirst().orElse(null);
    }

    /** Requests the fake received with their answers' status (method, path, status), oldest first. */
    List<String> exchanges() {
        List<String> exchanges = new ArrayList<>();
        server.getAllServeEvents().forEach(e -> exchanges.add(0, e.getRequest().getMethod() + " " + e.getRequest().getUrl()
                + " -> " + e.getResponse().getStatus() + " " + e.getResponse().getHeaders().keys()));
        return exchanges;
    }

    /** Requests the fake received (method and path), oldest first. */
    List<String> requests() {
        List<String> requests = new ArrayList<>();
        server.getAllServeEvents().forEach(e -> requests.add(0, e.getRequest().getMethod() + " " + URI.create(e.getRequest().getUrl()).getPath()));
        return requests;
    }

    void reset() {
        synchronized (this) {
            groups.clear();
            generics.clear();
            containers.clear();
            appSettings.clear();
            deployments.clear();
            kudus.clear();
            pageAuthorizations.clear();
            failDeployments = null;
            deploymentPolls = 1;
            resourceOperations.clear();
            deleting.clear();
            accounts.clear();
            operationPolls.clear();
            registration.clear();
            registration.put("microsoft.storage", "Registered");
        }
        server.resetAll();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(getName())));
    }

    @Override
    public String getName() {
        return "arm-fake";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (requestUri(request).getPath().equals(PRICES_PATH)) {
            return prices(query(requestUri(request).getRawQuery()).get("$filter")); // public: no sign-in
        }
        if (requestUri(request).getPath().startsWith(HOST_PREFIX)) {
            return appHost(request);
        }
        Matcher page = APP_PAGE.matcher(URI.create(request.getUrl()).getPath());
        if (page.matches()) {
            return appPage(page.group(1), request); // public: no sign-in
        }
        String auth = request.getHeader("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return error(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }
        URI uri = requestUri(request);
        String path = uri.getPath();
        String method = request.getMethod().getName();
        Map<String, String> query = query(uri.getRawQuery());
        Matcher m;
        if ((m = OPERATION.matcher(path)).matches()) {
            return m.group(1).startsWith("account-") ? accountOperation(m.group(1).substring("account-".length()))
                    : m.group(1).startsWith("res-") ? resourceOperation(m.group(1)) : operation(m.group(1));
        }
        if ((m = SKUS.matcher(path)).matches() && method.equals("GET")) {
            String filter = query.getOrDefault("$filter", "");
            Matcher location = Pattern.compile("location eq '([^']+)'").matcher(filter);
            return json(200, body("resource-skus.json", Map.of("location", location.find() ? location.group(1) : "eastus")));
        }
        if ((m = TAGS.matcher(path)).matches()) {
            return tags(method, m.group(1), request);
        }
        if ((m = CONTAINER.matcher(path)).matches()) {
            return container(method, m.group(2), m.group(3), m.group(4));
        }
        if ((m = KUDU.matcher(path)).matches()) {
            return kudu(method, m.group(1), m.group(2), query, request);
        }
        if ((m = APP_SETTINGS.matcher(path)).matches()) {
            return appSettings(method, m.group(2), m.group(3), m.group(4) != null, request);
        }
        if ((m = GENERIC.matcher(path)).matches()) {
            if (method.equals("GET") && "instanceView".equals(query.get("$expand"))) {
                return withInstanceView(generic(method, m.group(2), m.group(3), m.group(4), m.group(5), request));
            }
            return generic(method, m.group(2), m.group(3), m.group(4), m.group(5), request);
        }
        if ((m = ACCOUNT.matcher(path)).matches()) {
            return account(method, m.group(2), m.group(3), m.group(4) != null, request);
        }
        if ((m = NAME_CHECK.matcher(path)).matches()) {
            if (!registered("Microsoft.Storage")) {
                return unregisteredError("Microsoft.Storage");
            }
            String name = string(body(request).get("name"));
            return json(200, accounts.containsKey(name) ? body("name-taken.json", Map.of("name", name)) : body("name-available.json", Map.of()));
        }
        if ((m = GROUP.matcher(path)).matches()) {
            return group(method, m.group(2), request);
        }
        if ((m = GROUPS.matcher(path)).matches() && method.equals("GET")) {
            return listGroups(query.get("$filter"));
        }
        if ((m = RESOURCES.matcher(path)).matches() && method.equals("GET")) {
            return listResources(query.get("$filter"));
        }
        if ((m = PROVIDER.matcher(path)).matches()) {
            String namespace = m.group(2);
            String key = namespace.toLowerCase(Locale.ROOT);
            if (m.group(3) != null && method.equals("POST")) {
                if (!registered(namespace)) {
                    registration.put(key, "Registering");
                }
            } else if ("Registering".equals(registration.get(key))) {
                String answer = provider(namespace);
                registration.put(key, "Registered"); // registered by the next read
                return json(200, answer);
            }
            return json(200, provider(namespace));
        }
        return error(400, "InvalidRequest", "the ARM fake does not implement " + method + " " + path);
    }

    // ------------------------------------------------------------------ resource groups

    private ResponseDefinition group(String method, String name, Request request) {
        String key = name.toLowerCase(Locale.ROOT);
        Group group = groups.get(key);
        switch (method) {
            case "GET", "HEAD" -> {
                if (group == null) {
                    return error(404, "ResourceGroupNotFound", "Resource group '" + name + "' could not be found.");
                }
                return method.equals("HEAD") ? new ResponseDefinition(204, "") : json(200, groupBody(group));
            }
            case "PUT" -> {
                if (deleting.containsKey(key)) {
                    return error(409, "ResourceGroupBeingDeleted", "The resource group '" + name + "' is in deprovisioning state.");
                }
                Map<String, Object> body = body(request);
                Group created = new Group(name, string(body.get("location")), strings(body.get("tags")));
                groups.put(key, created);
                return json(group == null ? 201 : 200, groupBody(created));
            }
            case "DELETE" -> {
                if (group == null) {
                    return new ResponseDefinition(404, "");
                }
                String operation = deleting.computeIfAbsent(key, k -> UUID.randomUUID().toString());
                operationPolls.put(operation, deletePolls);
                String url = endpoint() + "fake-operations/" + operation + "?api-version=2021-04-01";
                return withHeaders(new ResponseDefinition(202, ""), new HttpHeader("Azure-AsyncOperation", url),
                        new HttpHeader("Location", url), new HttpHeader("Retry-After", "0"));
            }
            default -> {
                return error(405, "MethodNotAllowed", method + " on a resource group");
            }
        }
    }

    private String groupBody(Group group) {
        String state = deleting.containsKey(group.name().toLowerCase(Locale.ROOT)) ? "Deleting" : "Succeeded";
        return body("resource-group.json", Map.of("subscription", SUBSCRIPTION, "name", group.name(),
                "location", group.location(), "tags", Json.write(group.tags()), "state", state));
    }

    private ResponseDefinition operation(String operation) {
        Integer polls = operationPolls.get(operation);
        if (polls == null) {
            return error(404, "OperationNotFound", "operation " + operation + " is unknown");
        }
        if (polls > 0) {
            operationPolls.put(operation, polls - 1);
            return json(200, body("operation.json", Map.of("subscription", SUBSCRIPTION, "operation", operation,
                    "status", "InProgress")));
        }
        deleting.entrySet().stream().filter(e -> e.getValue().equals(operation)).map(Map.Entry::getKey).findFirst()
                .ifPresent(group -> {
                    groups.remove(group);
                    deleting.remove(group);
                    accounts.values().removeIf(a -> a.group.equalsIgnoreCase(group));
                    generics.values().stream().filter(r -> r.group.equalsIgnoreCase(group)).forEach(r -> {
                        kudus.remove(r.name.toLowerCase(Locale.ROOT));
                        appSettings.remove(r.name.toLowerCase(Locale.ROOT));
                    });
                    generics.values().removeIf(r -> r.group.equalsIgnoreCase(group));
                    containers.values().removeIf(g -> g.equalsIgnoreCase(group));
                    appSettings.keySet().removeIf(site -> generics.values().stream().noneMatch(r -> r.name.equalsIgnoreCase(site)));
                    deployments.keySet().removeIf(site -> generics.values().stream().noneMatch(r -> r.name.equalsIgnoreCase(site)));
                });
        return json(200, body("operation.json", Map.of("subscription", SUBSCRIPTION, "operation", operation,
                "status", "Succeeded")));
    }

    private ResponseDefinition listGroups(String filter) {
        Map.Entry<String, String> tag = tagFilter(filter);
        List<Object> value = new ArrayList<>();
        for (Group group : groups.values()) {
            if (tag == null || tag.getValue().equals(group.tags().get(tag.getKey()))) {
                value.add(parse(groupBody(group)));
            }
        }
        return json(200, Json.write(Map.of("value", value)));
    }

    private ResponseDefinition listResources(String filter) {
        Map.Entry<String, String> tag = tagFilter(filter);
        List<Object> value = new ArrayList<>();
        for (Account account : accounts.values()) {
            if (tag == null || tag.getValue().equals(account.tags.get(tag.getKey()))) {
                value.add(parse(body("generic-resource.json", Map.of("id", accountId(account), "name", account.name,
                        "type", "Microsoft.Storage/storageAccounts", "location", account.location))));
            }
        }
        for (Generic resource : generics.values()) {
            if (tag == null || tag.getValue().equals(resource.tags().get(tag.getKey()))) {
                value.add(parse(body("generic-resource.json", Map.of("id", resource.id(), "name", resource.name,
                        "type", resource.namespace + "/" + resource.type, "location", String.valueOf(resource.body.get("location"))))));
            }
        }
        return json(200, Json.write(Map.of("value", value)));
    }

    /** {@code tagName eq 'k' and tagValue eq 'v'}: the one filter the tag query takes. */
    private static Map.Entry<String, String> tagFilter(String filter) {
        if (filter == null) {
            return null;
        }
        Matcher m = Pattern.compile("tagName eq '([^']*)' and tagValue eq '([^']*)'", Pattern.CASE_INSENSITIVE).matcher(filter);
        if (!m.matches()) {
            throw new IllegalArgumentException("the ARM fake takes only a tag filter, not " + filter);
        }
        return Map.entry(m.group(1), m.group(2));
    }

    // ------------------------------------------------------------------ storage accounts

    private ResponseDefinition account(String method, String group, String name, boolean listKeys, Request request) {
        if (!registered("Microsoft.Storage")) {
            return unregisteredError("Microsoft.Storage");
        }
        Account account = accounts.get(name);
        if (account != null && !account.group.equalsIgnoreCase(group)) {
            account = null; // another group's: not found here
        }
        if (listKeys) {
            return account == null ? notFound(name) : json(200, body("list-keys.json", Map.of("key", key.apply(name))));
        }
        switch (method) {
            case "GET" -> {
                return account == null ? notFound(name)
                        : json(200, accountBody(account, account.pollsLeft > 0 ? "Creating" : "Succeeded"));
            }
            case "PUT" -> {
                if (!groups.containsKey(group.toLowerCase(Locale.ROOT))) {
                    return error(404, "ResourceGroupNotFound", "Resource group '" + group + "' could not be found.");
                }
                if (accounts.containsKey(name) && account == null) {
                    return error(409, "StorageAccountAlreadyTaken", "The storage account named " + name + " is already taken.");
                }
                Map<String, Object> body = body(request);
                Account created = new Account(group, name, string(body.get("location")), strings(body.get("tags")));
                created.sharedKeyAccess = sharedKeyAccess;
                accounts.put(name, created);
                String location = endpoint() + "fake-operations/account-" + name + "?api-version=2023-05-01";
                return withHeaders(new ResponseDefinition(202, ""), new HttpHeader("Location", location),
                        new HttpHeader("Retry-After", "0"));
            }
            case "DELETE" -> {
                if (account == null) {
                    return new ResponseDefinition(204, "");
                }
                accounts.remove(name);
                return new ResponseDefinition(200, "");
            }
            default -> {
                return error(405, "MethodNotAllowed", method + " on a storage account");
            }
        }
    }

    private ResponseDefinition notFound(String name) {
        return error(404, "ResourceNotFound", "The Resource 'Microsoft.Storage/storageAccounts/" + name
                + "' under resource group was not found.");
    }

    private String accountBody(Account account, String state) {
        return body("storage-account.json", Map.of("subscription", SUBSCRIPTION, "group", account.group,
                "name", account.name, "location", account.location, "tags", Json.write(account.tags), "state", state,
                "blobEndpoint", blobEndpoint.apply(account.name), "sharedKey", String.valueOf(account.sharedKeyAccess)));
    }

    private static String accountId(Account account) {
        return "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + account.group
                + "/providers/Microsoft.Storage/storageAccounts/" + account.name;
    }

    /** The Location poll of an account's creation: 202 once, then the account. */
    private ResponseDefinition accountOperation(String name) {
        Account account = accounts.get(name);
        if (account == null) {
            return error(404, "OperationNotFound", "no creation of " + name);
        }
        if (account.pollsLeft-- > 0) {
            return withHeaders(new ResponseDefinition(202, ""), new HttpHeader("Location",
                    endpoint() + "fake-operations/account-" + name + "?api-version=2023-05-01"), new HttpHeader("Retry-After", "0"));
        }
        return json(200, accountBody(account, "Succeeded"));
    }

    // ------------------------------------------------------------------ network and compute resources

    /**
     * PUT keeps the body as ARM would answer it (id, provisioningState, a public IP's address, a
     * rule's or subnet's id; never a VM's custom data). A VM's and a public IP's creation are
     * long-running through {@code Azure-AsyncOperation} (InProgress once), a VM's deletion through
     * {@code Location} (202 once, then 204); the rest answer at once.
     */
    @SuppressWarnings("unchecked")
    private ResponseDefinition generic(String method, String group, String namespace, String type, String name, Request request) {
        if (!registered(namespace)) {
            return unregisteredError(namespace);
        }
        String key = (group + "/" + namespace + "/" + type + "/" + name).toLowerCase(Locale.ROOT);
        Generic resource = generics.get(key);
        boolean vm = type.equalsIgnoreCase("virtualMachines");
        switch (method) {
            case "GET" -> {
                return resource == null ? error(404, "ResourceNotFound", "The Resource '" + namespace + "/" + type + "/"
                        + name + "' under resource group '" + group + "' was not found.") : json(200, Json.write(resource.body));
            }
            case "PUT" -> {
                if (!groups.containsKey(group.toLowerCase(Locale.ROOT))) {
                    return error(404, "ResourceGroupNotFound", "Resource group '" + group + "' could not be found.");
                }
                Map<String, Object> body = new LinkedHashMap<>(body(request));
                Generic created = new Generic(group, namespace, type, name, body);
                Map<String, Object> properties = body.get("properties") instanceof Map<?, ?> p
                        ? new LinkedHashMap<>((Map<String, Object>) p) : new LinkedHashMap<>();
                body.put("id", created.id());
                body.put("name", name);
                body.put("type", namespace + "/" + type);
                properties.put("provisioningState", "Succeeded");
                if (type.equalsIgnoreCase("publicIPAddresses")) {
                    Object kept = resource == null ? null : ((Map<String, Object>) resource.body.get("properties")).get("ipAddress");
                    properties.put("ipAddress", kept != null ? kept : "20.42.0." + (++addresses));
                }
                if (namespace.equalsIgnoreCase("Microsoft.Web")) {
                    ResponseDefinition refused = web(type, name, group, body, properties);
                    if (refused != null) {
                        return refused;
                    }
                }
                childIds(properties, "securityRules", created.id());
                childIds(properties, "subnets", created.id());
                childIds(properties, "ipConfigurations", created.id());
                if (vm && properties.get("osProfile") instanceof Map<?, ?> os) {
                    Map<String, Object> profile = new LinkedHashMap<>((Map<String, Object>) os);
                    profile.remove("customData"); // Azure never hands custom data back
                    properties.put("osProfile", profile);
                    properties.put("vmId", UUID.randomUUID().toString());
                }
                body.put("properties", properties);
                generics.put(key, created);
                // App Service answers a PUT of a plan or a site 200, new or not (the SDK's createOrUpdate takes only 200 and 202)
                int status = resource == null && !namespace.equalsIgnoreCase("Microsoft.Web") ? 201 : 200;
                if (vm && spotAllocationFailure != null && "Spot".equals(properties.get("priority"))) {
                    properties.put("provisioningState", "Failed"); // Azure keeps the VM, Failed, after its allocation failed
                    return longRunningFailure(status, created, spotAllocationFailure);
                }
                if (vm || type.equalsIgnoreCase("publicIPAddresses")) {
                    return longRunning(status, created);
                }
                return json(status, Json.write(body));
            }
            case "DELETE" -> {
                if (resource == null) {
                    return new ResponseDefinition(204, "");
                }
                generics.remove(key);
                if (vm) {
                    String operation = "res-" + UUID.randomUUID();
                    resourceOperations.put(operation, "location:" + resource.id());
                    return withHeaders(new ResponseDefinition(202, ""), new HttpHeader("Location",
                            endpoint() + "fake-operations/" + operation + "?api-version=2024-07-01"), new HttpHeader("Retry-After", "0"));
                }
                return new ResponseDefinition(200, "");
            }
            default -> {
                return error(405, "MethodNotAllowed", method + " on " + type);
            }
        }
    }

    /** A VM's GET with {@code $expand=instanceView}: its statuses, as a running VM has them. */
    @SuppressWarnings("unchecked")
    private static ResponseDefinition withInstanceView(ResponseDefinition answer) {
        if (answer.getStatus() != 200) {
            return answer;
        }
        Map<String, Object> body = new LinkedHashMap<>(parse(answer.getBody()));
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) body.get("properties"));
        properties.put("instanceView", Map.of("statuses", List.of(
                Map.of("code", "ProvisioningState/succeeded", "level", "Info", "displayStatus", "Provisioning succeeded"),
                Map.of("code", "PowerState/running", "level", "Info", "displayStatus", "VM running"))));
        body.put("properties", properties);
        return json(200, Json.write(body));
    }

    /** Removes a resource as someone in the portal would (for drift). */
    synchronized void remove(String group, String type, String name) {
        generics.values().removeIf(r -> r.group.equalsIgnoreCase(group) && r.type.equalsIgnoreCase(type) && r.name.equalsIgnoreCase(name));
    }

    @SuppressWarnings("unchecked")
    private static void childIds(Map<String, Object> properties, String children, String parentId) {
        if (properties.get(children) instanceof List<?> list) {
            List<Object> withIds = new ArrayList<>();
            for (Object o : list) {
                Map<String, Object> child = new LinkedHashMap<>((Map<String, Object>) o);
                child.put("id", parentId + "/" + children + "/" + child.get("name"));
                withIds.add(child);
            }
            properties.put(children, withIds);
        }
    }

    /** A creation answered 201 with the body "Creating" and an {@code Azure-AsyncOperation} to poll. */
    @SuppressWarnings("unchecked")
    private ResponseDefinition longRunning(int status, Generic created) {
        String operation = "res-" + UUID.randomUUID();
        resourceOperations.put(operation, "1");
        Map<String, Object> answer = new LinkedHashMap<>(created.body);
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) answer.get("properties"));
        properties.put("provisioningState", "Creating");
        answer.put("properties", properties);
        ResponseDefinition response = json(status, Json.write(answer));
        return ResponseDefinitionBuilder.like(response).withHeader("Azure-AsyncOperation",
                endpoint() + "fake-operations/" + operation + "?api-version=2024-07-01").withHeader("Retry-After", "0").build();
    }

    /** A VM's creation that Azure accepts (201), then reports Failed through its operation with this error code. */
    private ResponseDefinition longRunningFailure(int status, Generic created, String code) {
        String operation = "res-" + UUID.randomUUID();
        resourceOperations.put(operation, "fail:" + code);
        return ResponseDefinitionBuilder.like(json(status, Json.write(created.body))).withHeader("Azure-AsyncOperation",
                endpoint() + "fake-operations/" + operation + "?api-version=2024-07-01").withHeader("Retry-After", "0").build();
    }

    /** Spot VMs created from now on fail asynchronously with this code (their operation says Failed), as on a capacity shortage. */
    void failSpotAllocation(String code) {
        this.spotAllocationFailure = code;
    }

    /** An Azure-AsyncOperation: InProgress once, then Succeeded; a Location poll: 202 once, then the resource. */
    private ResponseDefinition resourceOperation(String operation) {
        String state = resourceOperations.get(operation);
        if (state == null) {
            return error(404, "OperationNotFound", "operation " + operation + " is unknown");
        }
        if (state.startsWith("location:")) {
            String id = state.substring("location:".length());
            if (!state.endsWith("#polled")) {
                resourceOperations.put(operation, state + "#polled");
                return withHeaders(new ResponseDefinition(202, ""), new HttpHeader("Location",
                        endpoint() + "fake-operations/" + operation + "?api-version=2024-07-01"), new HttpHeader("Retry-After", "0"));
            }
            String resourceId = id.substring(0, id.length() - "#polled".length());
            return generics.values().stream().filter(r -> r.id().equalsIgnoreCase(resourceId)).findFirst()
                    .map(r -> json(200, Json.write(r.body))).orElseGet(() -> new ResponseDefinition(204, ""));
        }
        if (state.startsWith("fail:")) {
            String code = state.substring("fail:".length());
            return json(200, Json.write(Map.of("id", "/subscriptions/" + SUBSCRIPTION + "/providers/Microsoft.Compute/locations/eastus/operations/"
                    + operation, "name", operation, "status", "Failed", "startTime", "2026-12-02T01:00:00.0000000Z",
                    "error", Map.of("code", code, "message", "Allocation failed. We do not have sufficient capacity for the requested VM size"
                            + " in this region. Read more about improving likelihood of allocation success at http://aka.ms/allocation-guidance"))));
        }
        if (state.equals("1")) {
            resourceOperations.put(operation, "0");
            return json(200, body("operation.json", Map.of("subscription", SUBSCRIPTION, "operation", operation, "status", "InProgress")));
        }
        return json(200, body("operation.json", Map.of("subscription", SUBSCRIPTION, "operation", operation, "status", "Succeeded")));
    }

    /** The Retail Prices API: the fixture's items whose armSkuName and armRegionName the filter names. */
    private ResponseDefinition prices(String filter) {
        Matcher sku = Pattern.compile("armSkuName eq '([^']+)'").matcher(filter == null ? "" : filter);
        Matcher region = Pattern.compile("armRegionName eq '([^']+)'").matcher(filter == null ? "" : filter);
        String size = sku.find() ? sku.group(1) : null;
        String location = region.find() ? region.group(1) : null;
        Map<String, Object> all = parse(body("retail-prices.json", Map.of()));
        List<Object> items = new ArrayList<>();
        for (Object o : (List<?>) all.get("Items")) {
            Map<?, ?> item = (Map<?, ?>) o;
            if ((size == null || size.equals(item.get("armSkuName"))) && (location == null || location.equals(item.get("armRegionName")))) {
                items.add(item);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("BillingCurrency", "USD");
        answer.put("CustomerEntityId", "Default");
        answer.put("CustomerEntityType", "Retail");
        answer.put("Items", items);
        answer.put("NextPageLink", null);
        answer.put("Count", items.size());
        return json(200, Json.write(answer));
    }

    // ------------------------------------------------------------------ App Service: Flex Consumption plans and Function Apps

    /**
     * What Resource Manager checks of a Web PUT, as far as the faas model goes: a plan must be FC1
     * (Flex Consumption) and Linux; a site must be kind {@code functionapp,linux}, on an existing
     * plan, with a {@code functionAppConfig} whose deployment container exists, and without the
     * runtime app settings Flex refuses. A site's app settings are kept aside (a GET never shows
     * them); it is given regional host names, its own and its deployment host's. Null when accepted.
     */
    @SuppressWarnings("unchecked")
    private ResponseDefinition web(String type, String name, String group, Map<String, Object> body, Map<String, Object> properties) {
        if (type.equalsIgnoreCase("serverfarms")) {
            Map<?, ?> sku = body.get("sku") instanceof Map<?, ?> m ? m : Map.of();
            if (!"FlexConsumption".equals(sku.get("tier")) && !"FC1".equals(sku.get("name"))) {
                return null; // an App Service plan of the paas model (F1, B1…)
            }
            if (!"FC1".equals(sku.get("name")) || !"FlexConsumption".equals(sku.get("tier"))) {
                return error(400, "BadRequest", "a Flex Consumption plan is sku FC1, tier FlexConsumption, not " + sku);
            }
            if (!Boolean.TRUE.equals(properties.get("reserved"))) {
                return error(400, "BadRequest", "Flex Consumption plans run Linux only: properties.reserved must be true.");
            }
            return null;
        }
        if (!type.equalsIgnoreCase("sites")) {
            return null;
        }
        if (!flexPlan(string(properties.get("serverFarmId")))) {
            webSite(name, properties); // a Web App of the paas model
            return null;
        }
        if (!"functionapp,linux".equals(body.get("kind"))) {
            return error(400, "BadRequest", "A site on a Flex Consumption plan must be of kind 'functionapp,linux', not '" + body.get("kind") + "'.");
        }
        String farm = string(properties.get("serverFarmId"));
        if (farm == null || generics.values().stream().noneMatch(r -> r.id().equalsIgnoreCase(farm))) {
            return error(404, "NotFound", "Server farm with name '" + farm + "' was not found.");
        }
        if (!(properties.get("functionAppConfig") instanceof Map<?, ?> config)) {
            return error(400, "BadRequest", "FunctionAppConfig is required for sites on a Flex Consumption plan.");
        }
        Map<?, ?> storage = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) config.get("deployment")).get("storage"));
        URI containerUrl = URI.create(string(storage.get("value")));
        String account = containerUrl.getHost().substring(0, containerUrl.getHost().indexOf('.'));
        String container = containerUrl.getPath().replaceAll("^/|/$", "");
        if (!containers.containsKey((account + "/" + container).toLowerCase(Locale.ROOT))) {
            return error(400, "BadRequest", "The deployment storage container '" + containerUrl + "' does not exist.");
        }
        Map<String, Object> siteConfig = properties.get("siteConfig") instanceof Map<?, ?> c
                ? new LinkedHashMap<>((Map<String, Object>) c) : new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        if (siteConfig.remove("appSettings") instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> pair = (Map<?, ?>) o;
                settings.put(string(pair.get("name")), string(pair.get("value")));
            }
        }
        for (String refused : List.of("FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION")) {
            if (settings.containsKey(refused)) {
                return error(400, "BadRequest", "The parameter " + refused + " is invalid for sites on a Flex Consumption plan:"
                        + " the runtime is set in properties.functionAppConfig.runtime.");
            }
        }
        Map<?, ?> auth = (Map<?, ?>) storage.get("authentication");
        String setting = auth == null ? null : string(auth.get("storageAccountConnectionStringName"));
        if (auth != null && "StorageAccountConnectionString".equals(auth.get("type")) && !settings.containsKey(setting)) {
            return error(400, "BadRequest", "The app setting '" + setting + "' named by the deployment storage's authentication is missing.");
        }
        appSettings.put(name.toLowerCase(Locale.ROOT), settings);
        properties.put("siteConfig", siteConfig);
        String location = String.valueOf(body.get("location")).replace(" ", "").toLowerCase(Locale.ROOT);
        String label = name + "-" + String.format("%04x", name.hashCode() & 0xffff);
        String host = label + "." + location + "-01.azurewebsites.net";
        String scm = label + ".scm." + location + "-01.azurewebsites.net";
        properties.put("defaultHostName", host);
        properties.put("enabledHostNames", List.of(host, scm));
        properties.put("hostNameSslStates", List.of(Map.of("name", host, "sslState", "Disabled", "hostType", "Standard"),
                Map.of("name", scm, "sslState", "Disabled", "hostType", "Repository")));
        properties.put("state", "Running");
        return null;
    }

    /** Whether the plan a site names is a Flex Consumption plan (the faas model's) the fake keeps. */
    private boolean flexPlan(String farmId) {
        return farmId != null && generics.values().stream().filter(r -> r.id().equalsIgnoreCase(farmId))
                .anyMatch(r -> r.body.get("sku") instanceof Map<?, ?> sku && "FlexConsumption".equals(sku.get("tier")));
    }

    // ------------------------------------------------------------------ App Service and Kudu

    /** What ARM adds to a Web App it has made: its host names (here, paths on the fake), state, and no app settings in Get. */
    @SuppressWarnings("unchecked")
    private void webSite(String name, Map<String, Object> properties) {
        String host = "127.0.0.1:" + server.port() + "/apps/" + name;
        String scm = "127.0.0.1:" + server.port() + "/scm/" + name;
        properties.put("defaultHostName", host);
        properties.put("enabledHostNames", List.of(host, scm));
        properties.put("hostNameSslStates", List.of(Map.of("name", host, "sslState", "Disabled", "hostType", "Standard"),
                Map.of("name", scm, "sslState", "Disabled", "hostType", "Repository")));
        properties.put("state", "Running");
        if (properties.get("siteConfig") instanceof Map<?, ?> config) {
            Map<String, Object> kept = new LinkedHashMap<>((Map<String, Object>) config);
            Object settings = kept.remove("appSettings");
            if (settings instanceof List<?> list) {
                Map<String, String> values = appSettings.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>());
                for (Object o : list) {
                    Map<?, ?> pair = (Map<?, ?>) o;
                    values.put(String.valueOf(pair.get("name")), String.valueOf(pair.get("value")));
                }
            }
            properties.put("siteConfig", kept);
        }
    }

    private Generic site(String name) {
        return generics.values().stream().filter(r -> r.type.equalsIgnoreCase("sites") && r.name.equalsIgnoreCase(name))
                .findFirst().orElse(null);
    }

    private ResponseDefinition appSettings(String method, String group, String name, boolean list, Request request) {
        Generic site = site(name);
        if (site == null || !site.group.equalsIgnoreCase(group)) {
            return error(404, "ResourceNotFound", "The Resource 'Microsoft.Web/sites/" + name + "' under resource group '"
                    + group + "' was not found.");
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (method.equals("PUT") && !list) {
            Map<String, String> values = strings(body(request).get("properties"));
            appSettings.put(key, values);
        } else if (!(method.equals("POST") && list)) {
            return error(405, "MethodNotAllowed", method + " on app settings");
        }
        return json(200, Json.write(Map.of("id", site.id() + "/config/appsettings", "name", "appsettings",
                "type", "Microsoft.Web/sites/config", "properties", appSettings.getOrDefault(key, Map.of()))));
    }

    /** Kudu: a zip deploy (async: 202 and a Location), and the latest deployment (202 while it runs when polled). */
    private ResponseDefinition kudu(String method, String name, String operation, Map<String, String> query, Request request) {
        if (site(name) == null) {
            return new ResponseDefinition(404, "");
        }
        String key = name.toLowerCase(Locale.ROOT);
        String scm = "127.0.0.1:" + server.port() + "/scm/" + name;
        if (operation.equals("zipdeploy")) {
            if (!method.equals("POST") || !"true".equals(query.get("isAsync"))) {
                return error(400, "BadRequest", "the fake takes only an asynchronous zip deploy");
            }
            Kudu kudu = kudus.computeIfAbsent(key, k -> new Kudu());
            kudu.zip = request.getBody();
            kudu.id = UUID.randomUUID().toString().replace("-", "");
            kudu.message = query.getOrDefault("message", "Created via a push deployment");
            kudu.pollsLeft = deploymentPolls;
            kudu.failed = failDeployments != null;
            return withHeaders(new ResponseDefinition(202, ""), new HttpHeader("Location", "https://" + scm
                    + "/api/deployments/latest?deployer=" + query.getOrDefault("deployer", "Push-Deployer") + "&time=2026-12-02_01-00-00Z"));
        }
        Kudu kudu = kudus.get(key);
        if (kudu == null) {
            return error(404, "NotFound", "Need to deploy website to get deployment");
        }
        boolean running = kudu.pollsLeft > 0;
        if (running) {
            kudu.pollsLeft--;
            if (query.containsKey("time")) {
                return new ResponseDefinition(202, ""); // the Location poll; /latest itself says complete: false
            }
        }
        boolean success = !running && !kudu.failed;
        return json(200, body("kudu-deployment.json", Map.of("id", kudu.id, "status", running ? "1" : success ? "4" : "3",
                "statusText", running ? "Building and Deploying" : success ? "" : failDeployments,
                "message", kudu.message.replace("\"", "'"), "endTime", running ? "null" : "\"2026-12-02T01:02:00.0000000Z\"",
                "complete", String.valueOf(!running), "active", String.valueOf(success), "scm", scm, "site", name)));
    }

    /** The app's page: index.html from the code deployed (as the demo Flask app serves it), else App Service's placeholder. */
    private ResponseDefinition appPage(String name, Request request) {
        pageAuthorizations.add(String.valueOf(request.getHeader("Authorization")));
        if (site(name) == null) {
            return new ResponseDefinition(404, "");
        }
        Kudu kudu = kudus.get(name.toLowerCase(Locale.ROOT));
        String page = kudu == null || kudu.failed || kudu.pollsLeft > 0 ? null : unzipped(kudu.zip, "index.html");
        return withHeaders(new ResponseDefinition(200, page != null ? page : body("app-service-placeholder.html", Map.of())),
                new HttpHeader("Content-Type", "text/html; charset=utf-8"));
    }


    /** A blob container under an account, through Resource Manager. */
    private ResponseDefinition container(String method, String group, String accountName, String name) {
        if (!registered("Microsoft.Storage")) {
            return unregisteredError("Microsoft.Storage");
        }
        Account account = accounts.get(accountName);
        if (account == null || !account.group.equalsIgnoreCase(group)) {
            return notFound(accountName);
        }
        String key = (accountName + "/" + name).toLowerCase(Locale.ROOT);
        String id = accountId(account) + "/blobServices/default/containers/" + name;
        Map<String, Object> body = Map.of("id", id, "name", name, "type", "Microsoft.Storage/storageAccounts/blobServices/containers",
                "properties", Map.of("publicAccess", "None", "hasImmutabilityPolicy", false, "hasLegalHold", false));
        switch (method) {
            case "GET" -> {
                return containers.containsKey(key) ? json(200, Json.write(body))
                        : error(404, "ContainerNotFound", "The specified container does not exist.");
            }
            case "PUT" -> {
                boolean existed = containers.put(key, group.toLowerCase(Locale.ROOT)) != null;
                return json(existed ? 200 : 201, Json.write(body));
            }
            case "DELETE" -> {
                containers.remove(key);
                return new ResponseDefinition(200, "");
            }
            default -> {
                return error(405, "MethodNotAllowed", method + " on a blob container");
            }
        }
    }

    /** The Tags API at a resource's scope: PUT replaces its tags, PATCH merges, replaces or deletes them. */
    private ResponseDefinition tags(String method, String scope, Request request) {
        Generic resource = generics.values().stream().filter(r -> r.id().equalsIgnoreCase(scope)).findFirst().orElse(null);
        if (resource == null) {
            return error(404, "ResourceNotFound", "The Resource '" + scope + "' was not found.");
        }
        Map<String, Object> body = body(request);
        Map<String, String> given = strings(((Map<?, ?>) body.getOrDefault("properties", Map.of())).get("tags"));
        Map<String, String> tags = new LinkedHashMap<>(resource.tags());
        String operation = string(body.get("operation"));
        if (method.equals("PUT") || "Replace".equalsIgnoreCase(operation)) {
            tags = given;
        } else if ("Merge".equalsIgnoreCase(operation)) {
            tags.putAll(given);
        } else if ("Delete".equalsIgnoreCase(operation)) {
            given.keySet().forEach(tags::remove);
        } else {
            return error(400, "InvalidTagOperation", "unknown tag operation " + operation);
        }
        resource.body.put("tags", tags);
        return json(200, Json.write(Map.of("id", scope + "/providers/Microsoft.Resources/tags/default", "name", "default",
                "type", "Microsoft.Resources/tags", "properties", Map.of("tags", tags))));
    }

    /**
     * A Function App's own hosts: the deployment host takes One Deploy ({@code POST /api/publish},
     * signed in; the deployment then builds for one poll of {@code /api/deployments/<id>} and
     * succeeds — or fails, as Azure reports it, when the app's storage account forbids shared keys);
     * the site host serves {@code /api/hello} once a deployment succeeded: the deployed zip's
     * {@code index.html}, or 401 without a function key when the app's auth level is FUNCTION.
     */
    private ResponseDefinition appHost(Request request) {
        URI uri = requestUri(request);
        String rest = uri.getPath().substring(HOST_PREFIX.length());
        String host = rest.substring(0, rest.indexOf('/'));
        String path = rest.substring(rest.indexOf('/'));
        Generic site = generics.values().stream().filter(r -> r.type.equalsIgnoreCase("sites"))
                .filter(r -> hostsOf(r).contains(host)).findFirst().orElse(null);
        if (site == null) {
            return new ResponseDefinition(404, "no app answers at " + host);
        }
        String key = site.name.toLowerCase(Locale.ROOT);
        Map<String, String> query = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        query.putAll(query(uri.getRawQuery()));
        if (host.contains(".scm.")) {
            String auth = request.getHeader("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                return new ResponseDefinition(401, "");
            }
            String method = request.getMethod().getName();
            if (method.equals("POST") && path.equals("/api/publish")) {
                if (!String.valueOf(request.getHeader("Content-Type")).startsWith("application/zip")) {
                    return new ResponseDefinition(415, "One Deploy takes application/zip");
                }
                Deployment deployment = new Deployment(request.getBody(), "true".equalsIgnoreCase(query.get("RemoteBuild")));
                String accountName = appSettings.getOrDefault(key, Map.of()).getOrDefault("AzureWebJobsStorage", "")
                        .replaceAll(".*AccountName=([^;]+).*", "$1");
                Account account = accounts.get(accountName);
                if (account != null && !account.sharedKeyAccess) {
                    deployment.failure = "Failed to upload the package to the deployment storage container: Status: 403"
                            + " (Key based authentication is not permitted on this storage account.) ErrorCode: KeyBasedAuthenticationNotPermitted";
                }
                deployments.put(key, deployment);
                return withHeaders(new ResponseDefinition(202, ""), new HttpHeader("SCM-DEPLOYMENT-ID", deployment.id),
                        new HttpHeader("Location", "https://" + host + "/api/deployments/latest"));
            }
            if (method.equals("GET") && path.startsWith("/api/deployments/")) {
                String id = path.substring("/api/deployments/".length());
                Deployment deployment = deployments.get(key);
                if (deployment == null || !(id.equals(deployment.id) || id.equals("latest"))) {
                    return error(404, "NotFound", "deployment " + id + " not found");
                }
                boolean building = deployment.pollsLeft-- > 0;
                int status = building ? 1 : deployment.failure != null ? 3 : 4;
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("id", deployment.id);
                answer.put("status", status);
                answer.put("status_text", building ? "Building and deploying the package" : deployment.failure == null ? "" : deployment.failure);
                answer.put("author", "clouddemo");
                answer.put("deployer", "OneDeploy");
                answer.put("message", "OneDeploy" + (deployment.remoteBuild ? " (remote build)" : ""));
                answer.put("complete", !building);
                answer.put("active", !building && deployment.failure == null);
                answer.put("log_url", "https://" + host + "/api/deployments/" + deployment.id + "/log");
                answer.put("site_name", site.name);
                return json(200, Json.write(answer));
            }
            return new ResponseDefinition(404, "");
        }
        Deployment deployment = deployments.get(key);
        if (!path.equals("/api/hello") || deployment == null || deployment.pollsLeft > 0 || deployment.failure != null) {
            return new ResponseDefinition(404, "");
        }
        boolean keyed = query.containsKey("code") || request.getHeader("x-functions-key") != null;
        if ("FUNCTION".equals(appSettings.getOrDefault(key, Map.of()).get("CLOUDDEMO_AUTH_LEVEL")) && !keyed) {
            return new ResponseDefinition(401, "");
        }
        String page = unzipped(deployment.zip, "index.html");
        return page == null ? new ResponseDefinition(500, "the package has no index.html")
                : withHeaders(new ResponseDefinition(200, page), new HttpHeader("Content-Type", "text/html; charset=utf-8"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> hostsOf(Generic site) {
        Object hosts = ((Map<String, Object>) site.body.get("properties")).get("enabledHostNames");
        return hosts instanceof List<?> l ? (List<String>) l : List.of();
    }

    private static String unzipped(byte[] zip, String name) {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The last zip One Deploy received for a site, and whether it asked for a remote build. */
    synchronized Map.Entry<byte[], Boolean> lastDeployment(String site) {
        Deployment d = deployments.get(site.toLowerCase(Locale.ROOT));
        return d == null ? null : Map.entry(d.zip, d.remoteBuild);
    }

    /** The app settings a site was given (which a GET never shows). */
    synchronized Map<String, String> appSettings(String site) {
        return Map.copyOf(appSettings.getOrDefault(site.toLowerCase(Locale.ROOT), Map.of()));
    }

    /** How many reads a zip deployment stays running (Kudu status 1) before it ends. */
    void deploymentPolls(int polls) {
        this.deploymentPolls = polls;
    }

    /** Zip deployments from now on end Failed (status 3) with this status text. */
    void failDeployments(String statusText) {
        this.failDeployments = statusText;
    }

    /** The zip last deployed to a Web App (null when none). */
    synchronized byte[] deployedZip(String app) {
        Kudu kudu = kudus.get(app.toLowerCase(Locale.ROOT));
        return kudu == null ? null : kudu.zip;
    }

    /** The Authorization header of each request for a Web App's page ("null" when none was sent). */
    synchronized List<String> pageAuthorizations() {
        return List.copyOf(pageAuthorizations);
    }

    // ------------------------------------------------------------------ providers

    private boolean registered(String namespace) {
        return "Registered".equals(registration.getOrDefault(namespace.toLowerCase(Locale.ROOT), "Registered"));
    }

    private String provider(String namespace) {
        return body("provider.json", Map.of("subscription", SUBSCRIPTION, "namespace", namespace,
                "state", registration.getOrDefault(namespace.toLowerCase(Locale.ROOT), "Registered")));
    }

    private ResponseDefinition unregisteredError(String namespace) {
        return error(409, "MissingSubscriptionRegistration", "The subscription is not registered to use namespace '"
                + namespace + "'. See https://aka.ms/rps-not-found for how to register subscriptions.");
    }

    // ------------------------------------------------------------------ plumbing

    private static String body(String fixture, Map<String, String> values) {
        try (InputStream in = ArmFake.class.getResourceAsStream("/arm-fake/" + fixture)) {
            if (in == null) {
                throw new IllegalStateException("no fixture arm-fake/" + fixture);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request's URI, its leading slashes made one: the SDK's Tags API call puts the scope (a
     * resource id, which starts with a slash) after the host's slash, and ARM takes the double
     * slash; parsed as it comes, {@code subscriptions} would be read as an authority.
     */
    private static URI requestUri(Request request) {
        return URI.create(request.getUrl().replaceFirst("^/+", "/"));
    }

    private static ResponseDefinition json(int status, String body) {
        return withHeaders(new ResponseDefinition(status, body), new HttpHeader("Content-Type", "application/json"),
                new HttpHeader("x-ms-request-id", UUID.randomUUID().toString()));
    }

    private static ResponseDefinition error(int status, String code, String message) {
        return json(status, body("error.json", Map.of("code", code, "message", message.replace("\"", "'"))));
    }

    private static ResponseDefinition withHeaders(ResponseDefinition definition, HttpHeader... headers) {
        return ResponseDefinitionBuilder.like(definition).withHeaders(new HttpHeaders(headers)).build();
    }

    private static Map<String, Object> body(Request request) {
        String text = request.getBodyAsString();
        return text == null || text.isBlank() ? Map.of() : parse(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) {
        try {
            return (Map<String, Object>) Json.parse(text);
        } catch (Json.ParseException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> map = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
        }
        return map;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(k, v);
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop();
    }
}
