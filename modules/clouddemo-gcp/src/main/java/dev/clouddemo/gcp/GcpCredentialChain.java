package dev.clouddemo.gcp;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.spi.CredentialChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Application Default Credentials taken apart for {@code doctor}, in the client libraries' order:
 * the key file {@code GOOGLE_APPLICATION_CREDENTIALS} names, the file
 * {@code gcloud auth application-default login} writes, the metadata server of a Google Cloud
 * machine. Read from files only (no call, no token): which source gives credentials, of what type
 * (a file's {@code type}: service account, user, workload identity federation), never a secret.
 */
final class GcpCredentialChain {
    static final String HINT = "run `gcloud auth application-default login`, or point " + GcpCredentials.KEY_FILE_VARIABLE
            + " at a service account key file; or use --local for the emulators";

    private GcpCredentialChain() {
    }

    static CredentialChain describe(Map<String, String> env) {
        List<CredentialChain.Source> sources = new ArrayList<>();
        String variable = env.get(GcpCredentials.KEY_FILE_VARIABLE);
        sources.add(variable == null || variable.isBlank()
                ? new CredentialChain.Source(GcpCredentials.KEY_FILE_VARIABLE, false, "unset")
                : file(GcpCredentials.KEY_FILE_VARIABLE + "=" + variable, Path.of(variable)));
        Path adc = GcloudConfig.from(env).adcFile();
        sources.add(file("gcloud's application default credentials (" + adc + ")", adc));
        sources.add(new CredentialChain.Source("the metadata server (Compute Engine, Cloud Run, GKE)", false,
                "not probed by doctor: it answers only on Google Cloud"));
        boolean found = false;
        List<CredentialChain.Source> ordered = new ArrayList<>();
        for (CredentialChain.Source source : sources) {
            ordered.add(found
                    ? new CredentialChain.Source(source.name(), false, "not tried: an earlier source gave credentials")
                    : source);
            found |= source.found();
        }
        return new CredentialChain(ordered, HINT);
    }

    /** A credentials file: its type (and a service account's email), or why it gives none. */
    private static CredentialChain.Source file(String name, Path path) {
        if (!Files.isRegularFile(path)) {
            return new CredentialChain.Source(name, false, "no such file");
        }
        try {
            if (!(Json.parse(Files.readString(path, StandardCharsets.UTF_8)) instanceof Map<?, ?> file)
                    || !(file.get("type") instanceof String type)) {
                return new CredentialChain.Source(name, false, "not a credentials file (no \"type\")");
            }
            String kind = switch (type) {
                case "service_account" -> "service account" + (file.get("client_email") instanceof String email ? " " + email : "");
                case "authorized_user" -> "user credentials (gcloud auth application-default login)";
                case "external_account" -> "workload identity federation";
                case "impersonated_service_account" -> "impersonated service account";
                default -> type;
            };
            return new CredentialChain.Source(name, true, kind);
        } catch (Json.ParseException e) {
            return new CredentialChain.Source(name, false, "not JSON: " + e.getMessage());
        } catch (IOException e) {
            return new CredentialChain.Source(name, false, "unreadable: " + e.getMessage());
        }
    }
}
