package dev.clouddemo.aws.app;

import dev.clouddemo.aws.AwsProvider;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.AwsCli;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One contract test's world for the AWS paas model: Elastic Beanstalk answered by a WireMock
 * server on loopback from one scenario folder ({@code wiremock/beanstalk-<scenario>}), every other
 * service (S3, IAM, tagging) on a real emulator, an engine with its own state folder, and the progress
 * lines the user would see.
 */
final class AwsAppFixture implements AutoCloseable {
    static final Duration FAST_POLL = Duration.ofMillis(20);
    /** A fixture that never reaches the state the code waits for fails the test in seconds, not in 30 minutes. */
    static final Settings SHORT_WAITS = Settings.DEFAULTS.with(null, Map.of("beanstalk-environment", Duration.ofSeconds(20)));

    final String env = "it-" + ResourceNames.newSuffix();
    final WireMockServer beanstalk;
    final URI emulator;
    final Path stateHome;
    final Engine engine;
    final AwsCli aws;
    final List<String> progress = new CopyOnWriteArrayList<>();

    AwsAppFixture(String scenario, URI emulator, Path temp) throws Exception {
        Path files = Path.of(getClass().getResource("/wiremock/beanstalk-" + scenario).toURI());
        this.beanstalk = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(files.toString()));
        beanstalk.start();
        this.emulator = emulator;
        this.stateHome = temp.resolve("state");
        AwsProvider aws = fastPolling(Map.of("AWS_ENDPOINT_URL_ELASTIC_BEANSTALK", "http://127.0.0.1:" + beanstalk.port()));
        Progress recording = new Progress() {
            @Override
            public void info(String message) {
                progress.add("info: " + message);
            }

            @Override
            public void warn(String message) {
                progress.add("warn: " + message);
            }
        };
        this.engine = new Engine(new ProviderRegistry(List.of(aws)), new StateStore(stateHome),
                recording, Clock.systemUTC(), new Cancellation(), SHORT_WAITS);
        this.aws = AwsCli.at(emulator);
    }

    DeployRequest request(Path source) {
        return DeployRequest.of(env, "aws", ServiceModel.PAAS, new Target("us-east-1", true, emulator.toString()), source);
    }

    PlanResult deploy(Path source) {
        return engine.deploy(request(source));
    }

    DestroyResult destroy() {
        return engine.destroy(env, null, null);
    }

    DeploymentState deployment() {
        return engine.status(env).deployments().get("aws/paas");
    }

    BeanstalkNames names() {
        return BeanstalkNames.of(EnvName.of(env), deployment().suffix());
    }

    Path stateFile() {
        return stateHome.resolve("envs").resolve(env + ".json");
    }

    /** The form parameters of every Beanstalk request with this Action, in order. */
    List<Map<String, String>> requests(String action) {
        return beanstalk.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/"))
                        .withRequestBody(WireMock.containing("Action=" + action + "&"))).stream()
                .map(r -> form(r.getBodyAsString()))
                .toList();
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            form.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    List<LoggedRequest> unmatched() {
        return beanstalk.findAllUnmatchedRequests();
    }

    /** Writes a small Flask app whose code says which {@code version} it is. */
    static Path app(Path folder, String version) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("application.py"), "from flask import Flask\n\napplication = Flask(__name__)\n\n\n"
                + "@application.route(\"/\")\ndef index():\n    return \"contract test " + version + "\"\n");
        Files.writeString(folder.resolve("requirements.txt"), "Flask==3.1.3\n");
        return folder;
    }

    @Override
    public void close() {
        beanstalk.stop();
    }

    /** The AWS provider as it ships, except that the paas deployer polls Beanstalk every {@link #FAST_POLL}. */
    private static AwsProvider fastPolling(Map<String, String> environment) {
        return new AwsProvider(environment, Map.of(ServiceModel.PAAS, session -> new AwsAppDeployer(session,
                pause -> Thread.sleep(FAST_POLL.toMillis()))));
    }
}
