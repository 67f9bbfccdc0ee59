package dev.clouddemo.aws.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.model.ServiceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Beanstalk's rules for a source folder and its version labels; what every Python bundle shares is PythonBundleTest's. */
class BeanstalkBundleTest {
    @TempDir
    Path temp;

    @Test
    void versionLabel_codeChanged_newLabelDerivedFromHash() throws Exception {
        // given
        Path app = app("app", "print('a')", "flask\n");
        PythonBundle before = PythonBundle.of(app, AwsAppDeployer.BUNDLE);

        // when
        Files.writeString(app.resolve("application.py"), "print('b')");
        PythonBundle after = PythonBundle.of(app, AwsAppDeployer.BUNDLE);

        // then
        assertThat(BeanstalkNames.versionLabel(before)).isEqualTo("v-" + before.codeSha256().substring(0, 12))
                .matches("v-[0-9a-f]{12}");
        assertThat(BeanstalkNames.versionLabel(after)).isNotEqualTo(BeanstalkNames.versionLabel(before))
                .isEqualTo("v-" + after.codeSha256().substring(0, 12));
    }

    @Test
    void of_noApplicationPy_invalidInputNamingTheFile() throws Exception {
        // given
        Path app = Files.createDirectories(temp.resolve("handler"));
        Files.writeString(app.resolve("app.py"), "print('a')");

        // when / then
        assertThatThrownBy(() -> PythonBundle.of(app, AwsAppDeployer.BUNDLE))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("application.py").contains(app.toString());
                    assertThat(e.hint()).contains("application");
                });
    }

    @Test
    void of_builtInDemoApp_flaskAppWithPinnedRequirement() throws Exception {
        // given
        Path demo = DemoPayloads.materialize(ServiceModel.PAAS);

        // when
        PythonBundle bundle = PythonBundle.of(demo, AwsAppDeployer.BUNDLE);

        // then
        assertThat(bundle.files()).isEqualTo(3); // application.py, requirements.txt and the demo page
        assertThat(bundle.requirements()).isTrue();
        assertThat(Files.readString(demo.resolve("requirements.txt"))).matches("(?s)Flask==\\d+\\.\\d+\\.\\d+\\s*");
        assertThat(Files.readString(demo.resolve("application.py")))
                .contains("application = Flask(__name__)")
                .contains("index.html");
        assertThat(Files.readString(demo.resolve("index.html")))
                .contains("Hello from clouddemo")
                .contains("Service model: <strong>platform app</strong>");
    }

    private Path app(String name, String code, String requirements) throws IOException {
        Path app = Files.createDirectories(temp.resolve(name));
        Files.writeString(app.resolve("application.py"), code);
        Files.writeString(app.resolve("requirements.txt"), requirements);
        Files.createDirectories(app.resolve("templates"));
        Files.writeString(app.resolve("templates/page.html"), "<p>page</p>");
        return app;
    }
}
