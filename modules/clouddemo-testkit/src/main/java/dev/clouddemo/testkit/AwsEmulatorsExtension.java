package dev.clouddemo.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Backs {@link AwsEmulatorTest}: one invocation per {@link AwsEmulatorKind}. Before each invocation
 * the emulator is looked up in the root store, where it was started at most once per JVM (lazily, on a
 * free loopback port) and from where JUnit stops it at the end of the run; with
 * {@code CLOUDDEMO_<NAME>_ENDPOINT} set, that endpoint is used and nothing started. An
 * {@link AwsEmulatorNamed} parameter gets that one emulator, from the same store, anywhere the
 * extension is registered (a {@code @BeforeAll} method too).
 */
public final class AwsEmulatorsExtension implements TestTemplateInvocationContextProvider, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(AwsEmulatorsExtension.class);
    private static final String CURRENT = "current-emulator";

    private final EmulatorSettings settings;

    public AwsEmulatorsExtension() {
        this(EmulatorSettings.fromSystem());
    }

    AwsEmulatorsExtension(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, AwsEmulatorTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        List<AwsCapability> required = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), AwsEmulatorTest.class)
                .map(annotation -> Arrays.asList(annotation.requires()))
                .orElse(List.of());
        return Arrays.stream(AwsEmulatorKind.values()).map(kind -> new Invocation(kind, required));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AwsEmulator.class;
    }

    @Override
    public AwsEmulator resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Optional<AwsEmulatorNamed> named = parameter.findAnnotation(AwsEmulatorNamed.class);
        if (named.isPresent()) {
            return emulatorFor(kind(named.get().value()), context);
        }
        AwsEmulator emulator = context.getStore(NAMESPACE).get(CURRENT, AwsEmulator.class);
        if (emulator == null) {
            throw new IllegalStateException("an AwsEmulator parameter needs an @AwsEmulatorTest method");
        }
        return emulator;
    }

    /** The emulator of an {@link AwsEmulatorNamed} parameter. */
    static AwsEmulatorKind kind(String name) {
        return Arrays.stream(AwsEmulatorKind.values()).filter(k -> k.id().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no AWS emulator named '" + name + "'; known: "
                        + Arrays.stream(AwsEmulatorKind.values()).map(AwsEmulatorKind::id).collect(Collectors.joining(", "))));
    }

    /** Why {@code kind} cannot be used (neither installed nor given an endpoint); null when it can. */
    String missingReason(AwsEmulatorKind kind) {
        if (settings.endpoint(kind.id()).isPresent() || settings.isInstalled(kind.id())) {
            return null;
        }
        return kind.id() + " is not installed in " + settings.installDir(kind.id())
                + ": run `" + kind.installCommand() + "` or set " + EmulatorSettings.endpointVariable(kind.id());
    }

    private AwsEmulator emulatorFor(AwsEmulatorKind kind, ExtensionContext context) {
        URI given = settings.endpoint(kind.id()).orElse(null);
        if (given != null) {
            return new AwsEmulator(kind, given);
        }
        String missing = missingReason(kind);
        if (missing != null) {
            if (settings.isRequired(kind.id())) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(kind, this::start, RunningEmulator.class)
                .emulator();
    }

    private RunningEmulator start(AwsEmulatorKind kind) {
        int port = FreePort.pick();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Path scratch = Files.createTempDirectory("clouddemo-" + kind.id() + "-");
            Path log = logDirectory().resolve(kind.id() + "-" + port + ".log");
            EmulatorProcess process = EmulatorProcess.start(kind.id(),
                    kind.command(settings.installDir(kind.id()), port, scratch),
                    kind.environment(port, scratch), log, scratch, endpoint.resolve(kind.readyPath()));
            return new RunningEmulator(new AwsEmulator(kind, endpoint), process);
        } catch (IOException e) {
            throw new UncheckedIOException(kind.id() + ": cannot prepare its directories", e);
        }
    }

    /** {@code target/emulators} when run from a Maven module, else the temp directory. */
    static Path logDirectory() {
        Path target = Path.of("target");
        return Files.isDirectory(target)
                ? target.resolve("emulators")
                : Path.of(System.getProperty("java.io.tmpdir"), "clouddemo-emulators");
    }

    /** Closed by JUnit when the root context ends: stops the process. */
    private record RunningEmulator(AwsEmulator emulator, EmulatorProcess process) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private final class Invocation implements TestTemplateInvocationContext {
        private final AwsEmulatorKind kind;
        private final List<AwsCapability> required;

        Invocation(AwsEmulatorKind kind, List<AwsCapability> required) {
            this.kind = kind;
            this.required = required;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.id() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            ExecutionCondition capabilities = context -> {
                String lacking = required.stream()
                        .filter(capability -> !kind.capabilities().contains(capability))
                        .map(AwsCapability::name)
                        .collect(Collectors.joining(", "));
                return lacking.isEmpty()
                        ? ConditionEvaluationResult.enabled(kind.id() + " has " + required)
                        : ConditionEvaluationResult.disabled(kind.id() + " lacks " + lacking);
            };
            BeforeEachCallback emulator = context -> context.getStore(NAMESPACE).put(CURRENT, emulatorFor(kind, context));
            return List.of(capabilities, emulator);
        }
    }
}
