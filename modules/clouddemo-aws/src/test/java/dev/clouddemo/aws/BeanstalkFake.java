package dev.clouddemo.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.clouddemo.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Elastic Beanstalk, which no emulator implements, as a stateful fake over real HTTP: a WireMock
 * server whose one transformer keeps applications, versions, environments and their events in
 * memory and answers the Query API (form-encoded POST, XML) in the documented shapes, the same
 * shapes as the scenario fixtures under {@code wiremock/beanstalk-*}. An environment is Launching
 * or Updating when created or updated and Ready/Green at the next DescribeEnvironments;
 * Terminating, then Terminated. A version's source bundle must exist in S3 on the emulator.
 *
 * <p>It also answers the Resource Groups Tagging API: GetResources goes on to the emulator, and
 * the tagged Beanstalk resources are added to its answer, as the real Tagging API lists them, so
 * the provider's tag search sees Beanstalk here too.
 */
final class BeanstalkFake implements ResponseDefinitionTransformerV2, AutoCloseable {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    private static final String NS = "http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/";
    private static final String TAGGING_GET_RESOURCES = "ResourceGroupsTaggingAPI_20170126.GetResources";
    static final List<String> STACKS = List.of("64bit Amazon Linux 2023 v6.4.0 running Node.js 22",
            "64bit Amazon Linux 2023 v4.3.2 running Python 3.12", "64bit Amazon Linux 2023 v4.3.2 running Python 3.11");

    private record Version(String label, String arn, String description, String bucket, String key, Instant created,
            Map<String, String> tags) {
    }

    private static final class Application {
        final String name;
        final String arn;
        final String description;
        final Instant created;
        final Map<String, String> tags;
        final Map<String, Version> versions = new LinkedHashMap<>();

        Application(String name, String description, Map<String, String> tags) {
            this.name = name;
            this.arn = "arn:aws:elasticbeanstalk:" + REGION + ":" + ACCOUNT + ":application/" + name;
            this.description = description;
            this.created = now();
            this.tags = tags;
        }
    }

    private static final class Environment {
        final String application;
        final String name;
        final String id;
        final String arn;
        final String stack;
        final Instant created;
        final Map<String, String> tags;
        String label;
        Instant updated;
        String status;
        String health;

        Environment(String application, String name, String id, String stack, String label, Map<String, String> tags) {
            this.application = application;
            this.name = name;
            this.id = id;
            this.arn = "arn:aws:elasticbeanstalk:" + REGION + ":" + ACCOUNT + ":environment/" + application + "/" + name;
            this.stack = stack;
            this.label = label;
            this.created = now();
            this.updated = created;
            this.tags = tags;
        }

        String cname() {
            return name + ".eba-cf7x2k9q." + REGION + ".elasticbeanstalk.com";
        }
    }

    private record Event(Instant date, String application, String environment, String severity, String message) {
    }

    private final URI emulator;
    private final WireMockServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final List<Environment> environments = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private int nextId = 1;

    /** Starts the fake on a free loopback port; S3 checks and the Tagging API go on to {@code emulator}. */
    BeanstalkFake(URI emulator) {
        this.emulator = emulator;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("not answered by the fake")));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The version the named environment runs, and its CNAME; empty when it is not running. */
    synchronized Optional<Map.Entry<String, String>> running(String environment) {
        return live(environment).map(e -> Map.entry(e.label, e.cname()));
    }

    @Override
    public String getName() {
        return "beanstalk-fake";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String target = request.getHeader("X-Amz-Target");
        if (target != null && target.startsWith("ResourceGroupsTaggingAPI_")) {
            return tagging(request, target);
        }
        Map<String, String> form = form(request.getBodyAsString());
        String action = form.getOrDefault("Action", "");
        try {
            String result = switch (action) {
                case "DescribeApplications" -> describeApplications(form);
                case "CreateApplication" -> createApplication(form);
                case "DeleteApplication" -> deleteApplication(form);
                case "DescribeApplicationVersions" -> describeVersions(form);
                case "CreateApplicationVersion" -> createVersion(form);
                case "ListAvailableSolutionStacks" -> listStacks();
                case "DescribeEnvironments" -> describeEnvironments(form);
                case "CreateEnvironment" -> createEnvironment(form);
                case "UpdateEnvironment" -> updateEnvironment(form);
                case "TerminateEnvironment" -> terminateEnvironment(form);
                case "DescribeEvents" -> describeEvents(form);
                case "ListTagsForResource" -> listTags(form);
                case "UpdateTagsForResource" -> updateTags(form);
                default -> throw new Failure("InvalidAction", "the Beanstalk fake does not implement action '" + action + "'");
            };
            return xml(200, "<" + action + "Response xmlns=\"" + NS + "\">"
                    + (result.isEmpty() ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
                    + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></"
                    + action + "Response>");
        } catch (Failure f) {
            return xml(400, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + f.code
                    + "</Code><Message>" + esc(f.getMessage()) + "</Message></Error><RequestId>" + UUID.randomUUID()
                    + "</RequestId></ErrorResponse>");
        }
    }

    // ---------------------------------------------------------------- applications and versions

    private String describeApplications(Map<String, String> form) {
        List<String> names = members(form, "ApplicationNames");
        return "<Applications>" + applications.values().stream()
                .filter(a -> names.isEmpty() || names.contains(a.name))
                .map(this::application).reduce("", String::concat) + "</Applications>";
    }

    private String createApplication(Map<String, String> form) {
        String name = required(form, "ApplicationName");
        if (applications.containsKey(name)) {
            throw new Failure("InvalidParameterValue", "Application " + name + " already exists.");
        }
        Application app = new Application(name, form.getOrDefault("Description", ""), tags(form));
        applications.put(name, app);
        return "<Application>" + applicationBody(app) + "</Application>";
    }

    private String deleteApplication(Map<String, String> form) {
        String name = required(form, "ApplicationName");
        Application app = existingApplication(name);
        List<Environment> running = environments.stream()
                .filter(e -> e.application.equals(name) && !"Terminated".equals(e.status)).toList();
        if (!running.isEmpty() && !"true".equals(form.get("TerminateEnvByForce"))) {
            throw new Failure("InvalidParameterValue", "Unable to delete application " + name
                    + " because it has running environments.");
        }
        running.forEach(e -> finish(e, "Terminated", "Grey", "terminateEnvironment completed successfully."));
        applications.remove(app.name);
        return "";
    }

    private String describeVersions(Map<String, String> form) {
        String name = form.get("ApplicationName");
        List<String> labels = members(form, "VersionLabels");
        StringBuilder xml = new StringBuilder("<ApplicationVersions>");
        for (Application app : applications.values()) {
            if (name != null && !name.equals(app.name)) {
                continue;
            }
            for (Version v : app.versions.values()) {
                if (labels.isEmpty() || labels.contains(v.label)) {
                    xml.append("<member>").append(version(app, v)).append("</member>");
                }
            }
        }
        return xml.append("</ApplicationVersions>").toString();
    }

    private String createVersion(Map<String, String> form) {
        Application app = existingApplication(required(form, "ApplicationName"));
        String label = required(form, "VersionLabel");
        if (app.versions.containsKey(label)) {
            throw new Failure("InvalidParameterValue", "Application Version " + label + " already exists.");
        }
        String bucket = required(form, "SourceBundle.S3Bucket");
        String key = required(form, "SourceBundle.S3Key");
        if (!bundleExists(bucket, key)) {
            throw new Failure("InvalidParameterCombination", "Unable to download from S3 location (Bucket: " + bucket
                    + "  Key: " + key + "). Reason: Not Found");
        }
        Version v = new Version(label, "arn:aws:elasticbeanstalk:" + REGION + ":" + ACCOUNT + ":applicationversion/"
                + app.name + "/" + label, form.getOrDefault("Description", ""), bucket, key, now(), tags(form));
        app.versions.put(label, v);
        return "<ApplicationVersion>" + version(app, v) + "</ApplicationVersion>";
    }

    private String listStacks() {
        return "<SolutionStacks>" + STACKS.stream().map(s -> "<member>" + esc(s) + "</member>").reduce("", String::concat)
                + "</SolutionStacks><SolutionStackDetails>" + STACKS.stream().map(s -> "<member><SolutionStackName>"
                        + esc(s) + "</SolutionStackName><PermittedFileTypes><member>zip</member></PermittedFileTypes></member>")
                .reduce("", String::concat) + "</SolutionStackDetails>";
    }

    // ---------------------------------------------------------------- environments

    private String describeEnvironments(Map<String, String> form) {
        environments.forEach(this::advance);
        List<String> names = members(form, "EnvironmentNames");
        String application = form.get("ApplicationName");
        boolean includeDeleted = !"false".equals(form.get("IncludeDeleted"));
        return "<Environments>" + environments.stream()
                .filter(e -> names.isEmpty() || names.contains(e.name))
                .filter(e -> application == null || application.equals(e.application))
                .filter(e -> includeDeleted || !"Terminated".equals(e.status))
                .map(e -> "<member>" + environment(e) + "</member>").reduce("", String::concat) + "</Environments>";
    }

    private String createEnvironment(Map<String, String> form) {
        Application app = existingApplication(required(form, "ApplicationName"));
        String name = required(form, "EnvironmentName");
        if (live(name).isPresent()) {
            throw new Failure("InvalidParameterValue", "Environment " + name + " already exists.");
        }
        String label = required(form, "VersionLabel");
        if (!app.versions.containsKey(label)) {
            throw new Failure("InvalidParameterValue", "No Application Version named '" + label
                    + "' found for application " + app.name + ".");
        }
        String stack = required(form, "SolutionStackName");
        if (!STACKS.contains(stack)) {
            throw new Failure("InvalidParameterValue", "No Solution Stack named '" + stack + "' found.");
        }
        Environment env = new Environment(app.name, name, String.format("e-%010d", nextId++), stack, label, tags(form));
        env.status = "Launching";
        env.health = "Grey";
        environments.add(env);
        event(env, "INFO", "createEnvironment is starting.");
        return environment(env);
    }

    private String updateEnvironment(Map<String, String> form) {
        Environment env = live(required(form, "EnvironmentName")).orElseThrow(() -> new Failure("InvalidParameterValue",
                "No Environment found for EnvironmentName = '" + form.get("EnvironmentName") + "'."));
        if (!"Ready".equals(env.status)) {
            throw new Failure("InvalidParameterValue", "Environment named " + env.name + " is in an invalid state for"
                    + " this operation. Must be Ready.");
        }
        String label = form.get("VersionLabel");
        if (label != null) {
            if (!applications.get(env.application).versions.containsKey(label)) {
                throw new Failure("InvalidParameterValue", "No Application Version named '" + label + "' found.");
            }
            env.label = label;
        }
        env.status = "Updating";
        env.health = "Grey";
        env.updated = now();
        event(env, "INFO", "Environment update is starting.");
        return environment(env);
    }

    private String terminateEnvironment(Map<String, String> form) {
        Environment env = live(required(form, "EnvironmentName")).orElseThrow(() -> new Failure("InvalidParameterValue",
                "No Environment found for EnvironmentName = '" + form.get("EnvironmentName") + "'."));
        env.status = "Terminating";
        env.health = "Grey";
        env.updated = now();
        event(env, "INFO", "terminateEnvironment is starting.");
        return environment(env);
    }

    private String describeEvents(Map<String, String> form) {
        String env = form.get("EnvironmentName");
        Instant start = form.containsKey("StartTime") ? Instant.parse(form.get("StartTime")) : Instant.EPOCH;
        return "<Events>" + events.stream()
                .filter(e -> env == null || env.equals(e.environment))
                .filter(e -> !e.date.isBefore(start))
                .sorted(Comparator.comparing(Event::date).reversed())
                .map(e -> "<member><Message>" + esc(e.message) + "</Message><EventDate>" + e.date + "</EventDate>"
                        + "<ApplicationName>" + e.application + "</ApplicationName><EnvironmentName>" + e.environment
                        + "</EnvironmentName><Severity>" + e.severity + "</Severity></member>")
                .reduce("", String::concat) + "</Events>";
    }

    /** What Beanstalk finishes between two looks: a launch or an update becomes Ready/Green, a termination Terminated. */
    private void advance(Environment env) {
        switch (env.status) {
            case "Launching" -> finish(env, "Ready", "Green", "Successfully launched environment: " + env.name);
            case "Updating" -> finish(env, "Ready", "Green", "Environment update completed successfully.");
            case "Terminating" -> finish(env, "Terminated", "Grey", "terminateEnvironment completed successfully.");
            default -> {
            }
        }
    }

    private void finish(Environment env, String status, String health, String message) {
        env.status = status;
        env.health = health;
        env.updated = now();
        event(env, "INFO", message);
    }

    private Optional<Environment> live(String name) {
        return environments.stream().filter(e -> e.name.equals(name) && !"Terminated".equals(e.status)).findFirst();
    }

    private void event(Environment env, String severity, String message) {
        events.add(new Event(now(), env.application, env.name, severity, message));
    }

    // ---------------------------------------------------------------- the Tagging API

    /** GetResources answered by the emulator, with the tagged Beanstalk resources that match added. */
    @SuppressWarnings("unchecked")
    private ResponseDefinition tagging(Request request, String target) {
        HttpRequest.Builder forward = HttpRequest.newBuilder(emulator.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getBody()));
        for (String header : List.of("Content-Type", "X-Amz-Target", "X-Amz-Date", "Authorization")) {
            if (request.getHeader(header) != null) {
                forward.header(header, request.getHeader(header));
            }
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(502).withBody(e.toString()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseDefinitionBuilder.responseDefinition().withStatus(502).withBody("interrupted").build();
        }
        String body = answer.body();
        if (answer.statusCode() == 200 && TAGGING_GET_RESOURCES.equals(target)) {
            try {
                Map<String, Object> query = (Map<String, Object>) Json.parse(request.getBodyAsString());
                if (query.get("PaginationToken") == null || "".equals(query.get("PaginationToken"))) {
                    Map<String, Object> page = new LinkedHashMap<>((Map<String, Object>) Json.parse(body));
                    List<Object> list = new ArrayList<>((List<Object>) page.getOrDefault("ResourceTagMappingList", List.of()));
                    List<Map<String, Object>> filters = (List<Map<String, Object>>) query.getOrDefault("TagFilters", List.of());
                    beanstalkResources().forEach((arn, tags) -> {
                        if (matches(tags, filters)) {
                            list.add(Map.of("ResourceARN", arn, "Tags", tags.entrySet().stream()
                                    .map(t -> Map.of("Key", t.getKey(), "Value", t.getValue())).toList()));
                        }
                    });
                    page.put("ResourceTagMappingList", list);
                    body = Json.write(page);
                }
            } catch (Json.ParseException e) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(502)
                        .withBody("the fake cannot read the Tagging API exchange: " + e.getMessage()).build();
            }
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(answer.statusCode())
                .withHeader("Content-Type", answer.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.1"))
                .withBody(body).build();
    }

    /** ARN → tags of every tagged application, version and environment that is not terminated. */
    private Map<String, Map<String, String>> beanstalkResources() {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        for (Application app : applications.values()) {
            found.put(app.arn, app.tags);
            app.versions.values().forEach(v -> found.put(v.arn, v.tags));
        }
        environments.stream().filter(e -> !"Terminated".equals(e.status)).forEach(e -> found.put(e.arn, e.tags));
        found.values().removeIf(Map::isEmpty);
        return found;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, String> tags, List<Map<String, Object>> filters) {
        for (Map<String, Object> filter : filters) {
            String value = tags.get((String) filter.get("Key"));
            List<Object> values = (List<Object>) filter.getOrDefault("Values", List.of());
            if (value == null || (!values.isEmpty() && !values.contains(value))) {
                return false;
            }
        }
        return true;
    }

    private boolean bundleExists(String bucket, String key) {
        // moto refuses anonymous reads and does not check signatures: any SigV4-shaped header is the owner
        HttpRequest head = HttpRequest.newBuilder(emulator.resolve("/" + bucket + "/" + key))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261201/" + REGION
                        + "/s3/aws4_request, SignedHeaders=host, Signature=0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(head, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---------------------------------------------------------------- XML

    private String application(Application app) {
        return "<member>" + applicationBody(app) + "</member>";
    }

    private static String applicationBody(Application app) {
        return "<ApplicationName>" + app.name + "</ApplicationName><ApplicationArn>" + app.arn + "</ApplicationArn>"
                + "<Description>" + esc(app.description) + "</Description><DateCreated>" + app.created + "</DateCreated>"
                + "<DateUpdated>" + app.created + "</DateUpdated><Versions>"
                + app.versions.keySet().stream().map(l -> "<member>" + l + "</member>").reduce("", String::concat)
                + "</Versions><ConfigurationTemplates/>";
    }

    private static String version(Application app, Version v) {
        return "<ApplicationName>" + app.name + "</ApplicationName><ApplicationVersionArn>" + v.arn
                + "</ApplicationVersionArn><VersionLabel>" + v.label + "</VersionLabel><Description>"
                + esc(v.description) + "</Description><SourceBundle><S3Bucket>" + v.bucket + "</S3Bucket><S3Key>"
                + esc(v.key) + "</S3Key></SourceBundle><DateCreated>" + v.created + "</DateCreated><DateUpdated>"
                + v.created + "</DateUpdated><Status>UNPROCESSED</Status>";
    }

    private static String environment(Environment e) {
        return "<EnvironmentName>" + e.name + "</EnvironmentName><EnvironmentId>" + e.id + "</EnvironmentId>"
                + "<EnvironmentArn>" + e.arn + "</EnvironmentArn><ApplicationName>" + e.application + "</ApplicationName>"
                + "<VersionLabel>" + e.label + "</VersionLabel><SolutionStackName>" + esc(e.stack) + "</SolutionStackName>"
                + "<EndpointURL>54.210.11.23</EndpointURL><CNAME>" + e.cname() + "</CNAME><DateCreated>" + e.created
                + "</DateCreated><DateUpdated>" + e.updated + "</DateUpdated><Status>" + e.status + "</Status>"
                + "<AbortableOperationInProgress>false</AbortableOperationInProgress><Health>" + e.health + "</Health>"
                + "<Tier><Name>WebServer</Name><Type>Standard</Type><Version>1.0</Version></Tier>";
    }

    private static ResponseDefinition xml(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/xml").withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(body).build();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---------------------------------------------------------------- the request

    private Application existingApplication(String name) {
        Application app = applications.get(name);
        if (app == null) {
            throw new Failure("InvalidParameterValue", "No Application named '" + name + "' found.");
        }
        return app;
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw new Failure("MissingParameter", "The request must contain the parameter " + name);
        }
        return value;
    }

    /** {@code Name.member.1}, {@code Name.member.2}, … in order. */
    private static List<String> members(Map<String, String> form, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; form.containsKey(name + ".member." + i); i++) {
            values.add(form.get(name + ".member." + i));
        }
        return values;
    }

    // ---------------------------------------------------------------- tags of an application or environment

    private Map<String, String> tagsOf(String arn) {
        for (Application app : applications.values()) {
            if (app.arn.equals(arn)) {
                return app.tags;
            }
        }
        return environments.stream().filter(e -> e.arn.equals(arn) && !"Terminated".equals(e.status)).findFirst()
                .map(e -> e.tags)
                .orElseThrow(() -> new Failure("ResourceNotFoundException", "Resource " + arn + " not found."));
    }

    private String listTags(Map<String, String> form) {
        String arn = required(form, "ResourceArn");
        StringBuilder members = new StringBuilder();
        tagsOf(arn).forEach((k, v) -> members.append("<member><Key>").append(esc(k)).append("</Key><Value>").append(esc(v))
                .append("</Value></member>"));
        return "<ResourceArn>" + arn + "</ResourceArn><ResourceTags>" + members + "</ResourceTags>";
    }

    /** TagsToAdd.member.N.Key/Value set (replacing a key's value), TagsToRemove.member.N removed. */
    private String updateTags(Map<String, String> form) {
        Map<String, String> tags = tagsOf(required(form, "ResourceArn"));
        for (int i = 1; form.containsKey("TagsToAdd.member." + i + ".Key"); i++) {
            tags.put(form.get("TagsToAdd.member." + i + ".Key"), form.getOrDefault("TagsToAdd.member." + i + ".Value", ""));
        }
        members(form, "TagsToRemove").forEach(tags::remove);
        return "";
    }

    private static Map<String, String> tags(Map<String, String> form) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
            tags.put(form.get("Tags.member." + i + ".Key"), form.getOrDefault("Tags.member." + i + ".Value", ""));
        }
        return tags;
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        Function<String, String> decode = s -> URLDecoder.decode(s, StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(decode.apply(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode.apply(pair.substring(eq + 1)));
        }
        return form;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A Query API error: its code and message. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;

        Failure(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
