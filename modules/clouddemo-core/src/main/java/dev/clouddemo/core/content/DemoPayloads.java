package dev.clouddemo.core.content;

import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The built-in demo payloads, shipped as resources inside the distributable, copied to a temporary
 * folder so they deploy like a user's, together with the demo page rendered for the model as
 * {@code index.html}. Core holds what every provider shares (the page, the Flask app, the VM's
 * start-up script) under {@code /dev/clouddemo/core/demo/<model>/}; a provider module adds the
 * files its cloud's convention wants (a function handler) under
 * {@code /dev/clouddemo/<provider id>/demo/<model>/}. Each folder lists its files in
 * {@code files.txt}.
 */
public final class DemoPayloads {
    private static final String BASE = "/dev/clouddemo/core/demo/";
    /** The rendered demo page in every payload folder. */
    public static final String PAGE = "index.html";

    private DemoPayloads() {
    }

    /** The shared demo payload of the model, in a new temporary folder removed when the JVM exits. */
    public static Path materialize(ServiceModel model) {
        return materialize(model, null);
    }

    /** The model's demo payload for this provider: the shared files and the provider's own. */
    public static Path materialize(ServiceModel model, CloudProvider provider) {
        try {
            Path target = Files.createTempDirectory("clouddemo-demo-" + model.id() + "-");
            deleteOnExit(target);
            Files.writeString(target.resolve(PAGE), page(model), StandardCharsets.UTF_8);
            copy(DemoPayloads.class, BASE + model.id() + "/", target);
            if (provider != null) {
                copy(provider.getClass(), "/dev/clouddemo/" + provider.id() + "/demo/" + model.id() + "/", target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the built-in demo payload", e);
        }
    }

    /** Copies the files a resource folder lists in its {@code files.txt}; a folder without one has none. */
    private static void copy(Class<?> owner, String folder, Path target) throws IOException {
        try (InputStream index = owner.getResourceAsStream(folder + "files.txt")) {
            if (index == null) {
                return;
            }
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream in = owner.getResourceAsStream(folder + name.trim())) {
                    if (in == null) {
                        throw new IllegalStateException("demo payload " + folder + " lists " + name.trim()
                                + ", which is missing");
                    }
                    Path file = target.resolve(name.trim());
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
        }
    }

    /**
     * The demo page every model serves, so a learner sees the same page four ways: one template,
     * {@code page.html}, with the model's name and what the user manages in it.
     */
    static String page(ServiceModel model) throws IOException {
        Properties about = new Properties();
        try (InputStream in = DemoPayloads.class.getResourceAsStream(BASE + "about.properties");
                InputStream template = DemoPayloads.class.getResourceAsStream(BASE + "page.html")) {
            about.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return new String(template.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${model}", model.description())
                    .replace("${about}", about.getProperty(model.id(), ""));
        }
    }

    private static void deleteOnExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }));
    }
}
