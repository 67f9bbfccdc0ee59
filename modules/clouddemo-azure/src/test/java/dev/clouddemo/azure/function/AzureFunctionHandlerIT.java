package dev.clouddemo.azure.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.azure.AzureProvider;
import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.testkit.AzureFunctionsPython;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo handler the faas model ships, run for real: the built-in payload (core's page, this
 * provider's function_app.py) imported by Python with the {@code azure-functions} library and its
 * function called in-process, as the Functions host's worker would. What the Flex host itself does
 * (indexing, the auth-level check, routing under /api) only a live run shows.
 */
class AzureFunctionHandlerIT {
    @TempDir
    Path temp;

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(Path folder, String authLevel) throws Exception {
        Path script = temp.resolve("call_handler.py");
        try (InputStream in = AzureFunctionHandlerIT.class.getResourceAsStream("/azure-functions/call_handler.py")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder builder = new ProcessBuilder(AzureFunctionsPython.python().toString(), script.toString())
                .directory(folder.toFile()).redirectErrorStream(true);
        if (authLevel != null) {
            builder.environment().put(FlexFunctionApps.AUTH_LEVEL_SETTING, authLevel);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python said: %s", output).isZero();
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        return (Map<String, Object>) Json.parse(last);
    }

    private static Path demo() {
        return DemoPayloads.materialize(ServiceModel.FAAS, new AzureProvider());
    }

    @Test
    void demoHandler_public_anonymousGetOnRouteHelloServesTheDemoPage() throws Exception {
        Path folder = demo();

        Map<String, Object> answer = call(folder, FlexFunctionApps.authLevel(false));

        assertThat((List<Object>) answer.get("functions")).singleElement().isEqualTo(Map.of("name", "hello",
                "route", AzureFunctionDeployer.ROUTE, "auth", "anonymous", "methods", List.of("GET", "HEAD")));
        assertThat(((Number) answer.get("status")).intValue()).isEqualTo(200);
        assertThat(answer.get("contentType")).isEqualTo("text/html; charset=utf-8");
        assertThat((String) answer.get("body")).isEqualTo(Files.readString(folder.resolve(DemoPayloads.PAGE)))
                .contains("<html");
    }

    @Test
    void demoHandler_private_authLevelFunction() throws Exception {
        Map<String, Object> answer = call(demo(), FlexFunctionApps.authLevel(true));

        assertThat((List<Map<String, Object>>) answer.get("functions")).singleElement()
                .satisfies(f -> assertThat(f.get("auth")).isEqualTo("function"));
    }

    @Test
    void demoPayload_asBundled_holdsTheFilesTheFlexHostNeeds() throws IOException {
        var bundle = dev.clouddemo.core.kit.bundle.PythonBundle.of(demo(), AzureFunctionDeployer.BUNDLE);

        assertThat(bundle.requirements()).isTrue();
        assertThat(AzureFunctionConformanceIT.entries(bundle.zip()))
                .containsExactly("function_app.py", "host.json", "index.html", "requirements.txt");
    }
}
