package dev.clouddemo.azure.site;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What both static-site grounds share: the site, its one change, the source refused. */
abstract class AzureStaticSiteGround implements ConformanceGround {
    private final ProviderRegistry providers;
    private final CallRecorder calls;

    AzureStaticSiteGround(ProviderRegistry providers, CallRecorder calls) {
        this.providers = providers;
        this.calls = calls;
    }

    @Override
    public String provider() {
        return "azure";
    }

    @Override
    public ServiceModel model() {
        return ServiceModel.STATIC;
    }

    @Override
    public ProviderRegistry providers() {
        return providers;
    }

    @Override
    public CallRecorder calls() {
        return calls;
    }

    /** Two attempts per call and a minute per wait: a ground that never takes long fails fast instead. */
    @Override
    public Settings settings() {
        return new Settings(2, Map.of(Settings.DEFAULT_WAIT, Duration.ofMinutes(1)));
    }

    @Override
    public void writeSource(Path folder) throws IOException {
        write(folder, "index.html", "<h1>conformance index</h1>");
        write(folder, "404.html", "<h1>missing</h1>");
        write(folder, "css/site.css", "body { color: black; }");
    }

    @Override
    public List<ChangeKind> changeOneInput(Path folder) throws IOException {
        write(folder, "css/site.css", "body { color: red; }");
        return List.of(ChangeKind.update("storage-blob"));
    }

    @Override
    public void writeInvalidSource(Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolveSibling("secret.txt"), "do not publish");
        write(folder, "index.html", "<h1>index</h1>");
        Files.createSymbolicLink(folder.resolve("leak.txt"), secret);
    }

    static void write(Path folder, String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
