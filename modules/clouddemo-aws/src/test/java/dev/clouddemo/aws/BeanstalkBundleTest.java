package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.ServiceModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeanstalkBundleTest {
    @TempDir
    Path temp;

    @Test
    void of_sameCodeWrittenTwiceAtDifferentTimes_sameBytesHashAndLabel() throws Exception {
        // given: the same files, created in a different order with different modification times
        Path a = app("a", "print('a')", "flask\n");
        Path b = Files.createDirectories(temp.resolve("b"));
        Files.writeString(b.resolve("requirements.txt"), "flask\n");
        Files.createDirectories(b.resolve("templates"));
        Files.writeString(b.resolve("templates/page.html"), "<p>page</p>");
        Files.writeString(b.resolve("application.py"), "print('a')");
        Files.setLastModifiedTime(b.resolve("application.py"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));

        // when
        BeanstalkBundle first = BeanstalkBundle.of(a);
        BeanstalkBundle second = BeanstalkBundle.of(b);

        // then
        assertThat(second.zip()).isEqualTo(first.zip());
        assertThat(second.sha256()).isEqualTo(first.sha256()).hasSize(64);
        assertThat(second.versionLabel()).isEqualTo(first.versionLabel());
    }

    @Test
    void of_folder_entriesSortedWithFixedTimestampsAndNoHiddenFiles() throws Exception {
        // given
        Path app = app("app", "print('a')", "flask\n");
        Files.writeString(app.resolve(".env"), "SECRET=1");
        Files.createDirectories(app.resolve(".git"));
        Files.writeString(app.resolve(".git/config"), "[core]");
        Files.createDirectories(app.resolve("__pycache__"));
        Files.writeString(app.resolve("__pycache__/application.cpython-312.pyc"), "x");

        // when
        BeanstalkBundle bundle = BeanstalkBundle.of(app);

        // then
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.zip()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo("1980-01-01T00:00:00");
            }
        }
        assertThat(names).containsExactly("application.py", "requirements.txt", "templates/page.html");
        assertThat(bundle.files()).isEqualTo(3);
    }

    @Test
    void versionLabel_codeChanged_newLabelDerivedFromHash() throws Exception {
        // given
        Path app = app("app", "print('a')", "flask\n");
        BeanstalkBundle before = BeanstalkBundle.of(app);

        // when
        Files.writeString(app.resolve("application.py"), "print('b')");
        BeanstalkBundle after = BeanstalkBundle.of(app);

        // then
        assertThat(before.versionLabel()).isEqualTo("v-" + before.sha256().substring(0, 12)).matches("v-[0-9a-f]{12}");
        assertThat(after.versionLabel()).isNotEqualTo(before.versionLabel()).isEqualTo("v-" + after.sha256().substring(0, 12));
    }

    @Test
    void versionLabel_fileRenamedWithSameContent_newLabel() throws Exception {
        // given
        Path app = app("app", "print('a')", "flask\n");
        String before = BeanstalkBundle.of(app).versionLabel();

        // when
        Files.move(app.resolve("templates/page.html"), app.resolve("templates/other.html"));

        // then
        assertThat(BeanstalkBundle.of(app).versionLabel()).isNotEqualTo(before);
    }

    @Test
    void of_noApplicationPy_invalidInputNamingTheFile() throws Exception {
        // given
        Path app = Files.createDirectories(temp.resolve("handler"));
        Files.writeString(app.resolve("app.py"), "print('a')");

        // when / then
        assertThatThrownBy(() -> BeanstalkBundle.of(app))
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
        BeanstalkBundle bundle = BeanstalkBundle.of(demo);

        // then
        assertThat(bundle.files()).isEqualTo(3); // application.py, requirements.txt and the demo page
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
