package dev.clouddemo.gcp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.appengine.v1.SecurityLevel;
import com.google.appengine.v1.Version;
import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.gcp.GcpProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** app.yaml translated into the Version resource, and the folders App Engine could not start refused before any call. */
class AppYamlTest {
    @TempDir
    Path folder;

    @Test
    void version_fullAppYaml_everyTranslatedSettingInTheVersion() throws Exception {
        // given
        write("app.yaml", """
                runtime: python312
                entrypoint: gunicorn -b :$PORT application:application
                instance_class: F2
                automatic_scaling:
                  min_instances: 0
                  max_instances: 3
                  target_cpu_utilization: 0.8
                env_variables:
                  GREETING: hello
                handlers:
                  - url: /static
                    static_dir: assets/
                  - url: /.*
                    script: auto
                    secure: optional
                """);

        // when
        Version version = AppYaml.read(folder).version("clouddemo-dev-0123456789ab",
                "https://storage.googleapis.com/b/source.zip", 4);

        // then
        assertThat(version.getId()).isEqualTo("clouddemo-dev-0123456789ab");
        assertThat(version.getRuntime()).isEqualTo("python312");
        assertThat(version.getEnv()).isEqualTo("standard");
        assertThat(version.getInstanceClass()).isEqualTo("F2");
        assertThat(version.getEntrypoint().getShell()).isEqualTo("gunicorn -b :$PORT application:application");
        var scheduler = version.getAutomaticScaling().getStandardSchedulerSettings();
        assertThat(scheduler.getMinInstances()).isZero();
        assertThat(scheduler.getMaxInstances()).isEqualTo(3);
        assertThat(scheduler.getTargetCpuUtilization()).isEqualTo(0.8);
        assertThat(version.getEnvVariablesMap()).isEqualTo(Map.of("GREETING", "hello"));
        assertThat(version.getHandlersList()).hasSize(2);
        assertThat(version.getHandlers(0).getUrlRegex()).isEqualTo("/static/(.*)");
        assertThat(version.getHandlers(0).getStaticFiles().getPath()).isEqualTo("assets/\\1");
        assertThat(version.getHandlers(1).getScript().getScriptPath()).isEqualTo("auto");
        assertThat(version.getHandlers(1).getSecurityLevel()).isEqualTo(SecurityLevel.SECURE_OPTIONAL);
        assertThat(version.getDeployment().getZip().getSourceUrl()).isEqualTo("https://storage.googleapis.com/b/source.zip");
        assertThat(version.getDeployment().getZip().getFilesCount()).isEqualTo(4);
    }

    @Test
    void read_untranslatedKeys_namedNotDropped() throws Exception {
        write("app.yaml", "runtime: python312\ninbound_services: [warmup]\nautomatic_scaling:\n  max_idle_instances: 2\n");

        AppYaml app = AppYaml.read(folder);

        assertThat(app.ignored()).containsExactly("inbound_services", "automatic_scaling.max_idle_instances");
        assertThat(app.handlers()).singleElement().satisfies(h -> {
            assertThat(h.getUrlRegex()).isEqualTo(".*");
            assertThat(h.getSecurityLevel()).isEqualTo(SecurityLevel.SECURE_ALWAYS);
        });
    }

    @Test
    void read_notPython_invalidInput() throws Exception {
        write("app.yaml", "runtime: nodejs20\n");

        assertInvalid(() -> AppYaml.read(folder), "says runtime 'nodejs20'");
    }

    @Test
    void read_flexibleEnvironment_invalidInput() throws Exception {
        write("app.yaml", "runtime: python312\nenv: flex\n");

        assertInvalid(() -> AppYaml.read(folder), "not the flexible environment");
    }

    @Test
    void read_brokenYaml_invalidInputNamingTheFile() throws Exception {
        write("app.yaml", "runtime: [python312\n");

        assertInvalid(() -> AppYaml.read(folder), "app.yaml is not valid YAML");
    }

    @Test
    void read_maxBelowMin_invalidInput() throws Exception {
        write("app.yaml", "runtime: python312\nautomatic_scaling:\n  min_instances: 2\n  max_instances: 1\n");

        assertInvalid(() -> AppYaml.read(folder), "asks for 2 to 1 instances");
    }

    @Test
    void check_noEntrypointNoMainApp_invalidInputNamingAppEnginesDefault() throws Exception {
        write("app.yaml", "runtime: python312\n");
        write("application.py", "application = object()\n");

        assertInvalid(() -> AppEngineEntrypoint.check(folder, AppYaml.read(folder)), "gunicorn -b :$PORT main:app");
    }

    @Test
    void check_gunicornEntrypointNotInRequirements_invalidInput() throws Exception {
        write("app.yaml", "runtime: python312\nentrypoint: gunicorn -b :$PORT application:application\n");
        write("requirements.txt", "Flask==3.1.3\n");

        assertInvalid(() -> AppEngineEntrypoint.check(folder, AppYaml.read(folder)), "which requirements.txt does not list");
    }

    @Test
    void check_demoPayload_startsUnderAppEnginesDefault() {
        // given: the built-in demo as the provider ships it (core's Flask app, this module's app.yaml and main.py)
        Path demo = DemoPayloads.materialize(ServiceModel.PAAS, new GcpProvider(Map.of()));

        // when
        AppYaml app = AppYaml.read(demo);
        AppEngineEntrypoint.check(demo, app);

        // then
        assertThat(app.entrypoint()).isNull();
        assertThat(app.runtime()).isEqualTo("python312");
        assertThat(app.maxInstances()).isEqualTo(1);
        assertThat(app.ignored()).isEmpty();
        assertThat(demo.resolve("application.py")).exists();
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(folder.resolve(name), text);
    }

    private static void assertInvalid(Runnable call, String message) {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains(message);
        assertThat(e.hint()).isNotBlank();
    }
}
