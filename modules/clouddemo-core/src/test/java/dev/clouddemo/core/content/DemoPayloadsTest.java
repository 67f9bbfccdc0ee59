package dev.clouddemo.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoPayloadsTest {

    @Test
    void materialize_static_givesFolderWithIndexAndErrorPage() throws IOException {
        // when
        Path folder = DemoPayloads.materialize(ServiceModel.STATIC);

        // then
        assertThat(folder).isDirectory();
        assertThat(folder.resolve("index.html")).isRegularFile();
        assertThat(folder.resolve("404.html")).isRegularFile();
        assertThat(Files.readString(folder.resolve("index.html"))).containsIgnoringCase("<html");
        assertThat(folder.resolve("files.txt")).doesNotExist();
    }

    @Test
    void materialize_static_scansAsASiteWithIndexAndErrorDocument() {
        // given
        Path folder = DemoPayloads.materialize(ServiceModel.STATIC);

        // when
        Site site = SiteScanner.scan(folder);

        // then
        assertThat(site.files()).containsOnlyKeys("index.html", "404.html");
        assertThat(site.hasIndex()).isTrue();
        assertThat(site.files().keySet()).containsAnyElementsOf(Site.ERROR_DOCUMENTS);
        assertThat(site.totalBytes()).isEqualTo(
                site.files().values().stream().mapToLong(f -> f.path().toFile().length()).sum());
    }

    @ParameterizedTest
    @EnumSource(ServiceModel.class)
    void materialize_anyModel_writesTheSameDemoPageNamingTheModel(ServiceModel model) throws IOException {
        // when
        Path folder = DemoPayloads.materialize(model);

        // then: one page, four ways
        String page = Files.readString(folder.resolve(DemoPayloads.PAGE));
        assertThat(page).contains("Hello from clouddemo")
                .contains("Service model: <strong>" + model.description() + "</strong>")
                .doesNotContain("${");
        String staticPage = Files.readString(DemoPayloads.materialize(ServiceModel.STATIC).resolve(DemoPayloads.PAGE));
        assertThat(withoutModelText(page)).isEqualTo(withoutModelText(staticPage));
    }

    private static String withoutModelText(String page) {
        return page.replaceAll("<strong>[^<]*</strong>", "").replaceAll("<p>[^<]*</p>", "");
    }

    @Test
    void materialize_calledTwice_givesSeparateFolders() {
        assertThat(DemoPayloads.materialize(ServiceModel.STATIC))
                .isNotEqualTo(DemoPayloads.materialize(ServiceModel.STATIC));
    }

    @Test
    void materialize_providerWithItsOwnHandler_sharedPageAndTheProvidersFiles() throws IOException {
        // when: the provider "fake" ships dev/clouddemo/fake/demo/faas/{files.txt,main.py}
        Path folder = DemoPayloads.materialize(ServiceModel.FAAS, new HandlerProvider());

        // then
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html", "main.py");
        }
        assertThat(Files.readString(folder.resolve("main.py"))).contains("def handle(request)");
        assertThat(Files.readString(folder.resolve(DemoPayloads.PAGE))).contains("Hello from clouddemo");
    }

    @Test
    void materialize_providerWithoutFilesForTheModel_sharedFilesOnly() throws IOException {
        // when
        Path folder = DemoPayloads.materialize(ServiceModel.PAAS, new HandlerProvider());

        // then
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("index.html", "application.py", "requirements.txt");
        }
    }

    /** A provider whose module ships a handler for the faas model only. */
    private static final class HandlerProvider implements CloudProvider {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public String displayName() {
            return "Fake";
        }

        @Override
        public Set<ServiceModel> models() {
            return Set.of(ServiceModel.FAAS);
        }

        @Override
        public Optional<String> localEndpoint(ServiceModel model) {
            return Optional.empty();
        }

        @Override
        public ProviderSession open(Target target) {
            throw new AssertionError("unpacking payloads opens no session");
        }
    }
}
