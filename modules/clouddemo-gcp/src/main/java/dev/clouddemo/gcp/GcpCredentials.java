package dev.clouddemo.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.util.Map;

/**
 * Application Default Credentials, resolved once up front so a missing login is one clear error
 * (exit 4) naming what was tried: {@code GOOGLE_APPLICATION_CREDENTIALS}, the file
 * {@code gcloud auth application-default login} writes, the metadata server.
 */
final class GcpCredentials {
    static final String KEY_FILE_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS";

    private GcpCredentials() {
    }

    static GoogleCredentials applicationDefault(Map<String, String> env, GcloudConfig gcloud) {
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            String keyFile = env.get(KEY_FILE_VARIABLE);
            String tried = (keyFile == null || keyFile.isBlank() ? KEY_FILE_VARIABLE + " (unset)"
                    : KEY_FILE_VARIABLE + "=" + keyFile + " (" + GcpErrors.rootMessage(e) + ")")
                    + ", " + gcloud.adcFile() + " (" + (gcloud.adcFile().toFile().isFile() ? "unreadable" : "absent") + ")"
                    + ", the metadata server (not on Google Cloud)";
            throw ClouddemoException.credentials("no Google Cloud credentials found (tried " + tried + ")",
                    "run `gcloud auth application-default login`, or point " + KEY_FILE_VARIABLE
                            + " at a service account key file; or add --local to use the local emulator", e);
        }
    }
}
