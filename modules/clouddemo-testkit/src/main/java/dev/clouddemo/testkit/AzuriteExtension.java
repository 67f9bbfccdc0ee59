package dev.clouddemo.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Resolves an {@link Azurite} parameter (a {@code @BeforeAll} method's too): Azurite's blob
 * service, installed by {@code scripts/emulators.sh install azurite}, started at most once per
 * JVM on a free loopback port with its account pool, and stopped by JUnit at the end of the run.
 * Not installed, the test is skipped — or fails when {@code CLOUDDEMO_REQUIRE_EMULATORS} lists
 * azurite. {@code CLOUDDEMO_AZURITE_ENDPOINT} points at a running one instead (started with the
 * same {@code AZURITE_ACCOUNTS}).
 */
public final class AzuriteExtension implements ParameterResolver {
    static final String NAME = "azurite";
    private static final Namespace NAMESPACE = Namespace.create(AzuriteExtension.class);

    private final EmulatorSettings settings;

    public AzuriteExtension() {
        this(EmulatorSettings.fromSystem());
    }

    AzuriteExtension(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Azurite.class || type == AzuriteOAuth.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == AzuriteOAuth.class) {
            requireInstalled();
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(NAME + "-oauth", key -> startOAuth(), RunningOAuth.class).azurite();
        }
        return azurite(context);
    }

    private void requireInstalled() {
        if (!settings.isInstalled(NAME)) {
            String missing = NAME + " is not installed in " + settings.installDir(NAME)
                    + ": run `scripts/emulators.sh install azurite` or set " + EmulatorSettings.endpointVariable(NAME);
            if (settings.isRequired(NAME)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
    }

    private Azurite azurite(ExtensionContext context) {
        Path client = settings.installDir(NAME).resolve("client/bin/python");
        URI given = settings.endpoint(NAME).orElse(null);
        if (given != null) {
            return new Azurite(given, Azurite.declaredAccounts(), client);
        }
        requireInstalled();
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(NAME, key -> start(client), Running.class).azurite();
    }

    private Running start(Path client) {
        int port = FreePort.pick();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Map<String, String> accounts = Azurite.declaredAccounts();
        try {
            Path scratch = Files.createTempDirectory("clouddemo-azurite-");
            EmulatorProcess process = EmulatorProcess.start(NAME, command(port, scratch, List.of()),
                    Map.of("AZURITE_ACCOUNTS", Azurite.accountsVariable(accounts)), log(port), scratch,
                    endpoint.resolve("/" + Azurite.DEV_ACCOUNT + "?comp=list"));
            return new Running(new Azurite(endpoint, accounts, client), process);
        } catch (IOException e) {
            throw new UncheckedIOException("azurite: cannot prepare its directories", e);
        }
    }

    private List<String> command(int port, Path scratch, List<String> more) {
        List<String> command = new java.util.ArrayList<>(List.of(
                settings.installDir(NAME).resolve("node_modules/.bin/azurite-blob").toString(),
                "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port), "--location", scratch.resolve("data").toString(),
                "--skipApiVersionCheck", "--loose", "--silent"));
        command.addAll(more);
        return command;
    }

    private static Path log(int port) {
        Path target = Path.of("target");
        return (Files.isDirectory(target) ? target.resolve("emulators")
                : Path.of(System.getProperty("java.io.tmpdir"), "clouddemo-emulators")).resolve("azurite-" + port + ".log");
    }

    /** HTTPS with a certificate made here by the JDK's keytool (PKCS12, SAN ip:127.0.0.1), and OAuth. */
    private RunningOAuth startOAuth() {
        int port = FreePort.pick();
        URI endpoint = URI.create("https://127.0.0.1:" + port);
        Map<String, String> accounts = Azurite.declaredAccounts();
        try {
            Path scratch = Files.createTempDirectory("clouddemo-azurite-oauth-");
            Path pfx = scratch.resolve("azurite.pfx");
            String password = java.util.UUID.randomUUID().toString();
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "azurite", "-keyalg", "RSA", "-keysize", "2048", "-storetype", "PKCS12",
                    "-keystore", pfx.toString(), "-storepass", password, "-keypass", password, "-dname", "CN=127.0.0.1",
                    "-ext", "SAN=ip:127.0.0.1", "-validity", "2").redirectErrorStream(true).start();
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("azurite: keytool could not make a certificate: "
                        + new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            javax.net.ssl.SSLContext trust = trusting(pfx, password);
            EmulatorProcess process = EmulatorProcess.start(NAME + "-oauth",
                    command(port, scratch, List.of("--oauth", "basic", "--cert", pfx.toString(), "--pwd", password)),
                    Map.of("AZURITE_ACCOUNTS", Azurite.accountsVariable(accounts)), log(port), scratch,
                    endpoint.resolve("/" + Azurite.DEV_ACCOUNT + "?comp=list"), trust);
            return new RunningOAuth(new AzuriteOAuth(endpoint, accounts, trust), process);
        } catch (IOException e) {
            throw new UncheckedIOException("azurite: cannot prepare its certificate and directories", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making Azurite's certificate", e);
        }
    }

    private static javax.net.ssl.SSLContext trusting(Path pfx, String password) {
        try (var in = Files.newInputStream(pfx)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("azurite", store.getCertificate("azurite"));
            javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("azurite: cannot trust its certificate", e);
        }
    }

    private record RunningOAuth(AzuriteOAuth azurite, EmulatorProcess process) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    /** Closed by JUnit when the root context ends: stops the process. */
    private record Running(Azurite azurite, EmulatorProcess process) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }
}
