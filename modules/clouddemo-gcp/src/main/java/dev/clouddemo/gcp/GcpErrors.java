package dev.clouddemo.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.BaseServiceException;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.EndpointUnreachable;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one translator of Google Cloud client failures into errors that say what happened, why and
 * what to do: refused credentials and missing permissions (exit 4), a disabled API (with the
 * command that enables it), billing not enabled, user credentials without a quota project,
 * throttling and unavailability, an endpoint that does not answer. Never a class name or "null".
 */
final class GcpErrors {
    /** The project numbers of gcloud's own OAuth client: an API "not used in" one of them means no quota project. */
    private static final Pattern GCLOUD_CLIENT_PROJECTS = Pattern.compile("project (764086051850|32555940559)\\b");
    private static final Pattern DISABLED_API = Pattern.compile(
            "(?:/apis/api/|service )([a-z0-9.-]+\\.googleapis\\.com)|([A-Z][A-Za-z ]+API) has not been used in project ([a-z0-9-]+)");
    private static final Pattern API_HOST = Pattern.compile("([a-z0-9-]+)(?:-api)?\\.googleapis\\.com");

    private GcpErrors() {
    }

    /** A step's failure: the client libraries' say what Google Cloud answered; others are not theirs (null). */
    static ClouddemoException translate(RuntimeException e, String doing, GcpTarget target) {
        if (e instanceof BaseServiceException service) {
            return translate(service.getCode(), service.getReason(), messageOf(e), doing, target, e);
        }
        if (e instanceof ApiException api) {
            return translate(httpStatus(api), api.getReason(), restMessage(api).orElse(messageOf(e)), doing, target, e);
        }
        return null;
    }

    /**
     * A failure as Google Cloud answered it: the HTTP status (0 when no answer came), the reason
     * of its first error (e.g. {@code accessNotConfigured}), its message.
     */
    static ClouddemoException translate(int code, String reason, String message, String doing, GcpTarget target, Throwable cause) {
        String where = target.endpoint() == null ? "Google Cloud (project " + target.project() + ")" : target.endpoint().toString();
        if (code <= 0) {
            return noAnswer(where, doing, target, cause);
        }
        String what = doing + " failed: " + message + " (HTTP " + code + (reason == null || reason.isBlank() ? "" : ", " + reason) + ")";
        String lower = message.toLowerCase(Locale.ROOT);
        if (message.contains("Exception in message delivery")) {
            return ClouddemoException.cloud(doing + " failed: the long-running operation ended in an error that the client"
                    + " library could not read (its details name a type it does not know)", "read the operation's error"
                    + " in the console (Activity) or with gcloud (e.g. `gcloud artifacts operations describe`), fix the cause,"
                    + " and run the command again: state records what exists", cause);
        }
        if (quotaProjectMissing(message)) {
            return ClouddemoException.credentials(what, "your user credentials name no quota project: run `gcloud auth"
                    + " application-default set-quota-project " + target.project() + "`", cause);
        }
        if (lower.contains("missing permission on the build service account")) {
            return ClouddemoException.credentials(what, "Cloud Build could not act as the function's build service account:"
                    + " grant it roles/cloudbuild.builds.builder (`gcloud projects add-iam-policy-binding " + target.project()
                    + " --member=serviceAccount:SERVICE_ACCOUNT --role=roles/cloudbuild.builds.builder`), and yourself"
                    + " roles/iam.serviceAccountUser on it (actAs); an organisation policy may have removed the default grant", cause);
        }
        if (lower.contains("billing")) {
            return ClouddemoException.cloud(what, "billing is not enabled for project " + target.project()
                    + ": link a billing account (`gcloud billing projects link " + target.project()
                    + " --billing-account=ACCOUNT_ID`, `gcloud billing accounts list` lists them), then run the command again", cause);
        }
        if (apiDisabled(reason, message)) {
            String api = disabledApi(message).orElse("the API");
            return ClouddemoException.cloud(what, api + " is disabled in project " + target.project() + ": run `gcloud services enable "
                    + (api.endsWith(".googleapis.com") ? api : "SERVICE") + " --project " + target.project()
                    + "`, wait a minute for it to take effect, and run the command again", cause);
        }
        if (code == 401) {
            return ClouddemoException.credentials(what, "the credentials were refused (expired or revoked): run `gcloud auth"
                    + " application-default login`, or point GOOGLE_APPLICATION_CREDENTIALS at a valid key file", cause);
        }
        if (code == 403) {
            return ClouddemoException.credentials(what, "the caller lacks a permission this needs in project " + target.project()
                    + " (from " + target.projectSource() + "; the model's page under docs/models/ lists the roles);"
                    + " `gcloud auth list` shows who you are", cause);
        }
        if (code == 429 || "rateLimitExceeded".equals(reason) || "userRateLimitExceeded".equals(reason)) {
            return ClouddemoException.cloud(what + ", after " + target.settings().maxAttempts() + " attempt(s)",
                    "Google Cloud is throttling requests (or a quota is used up); wait a minute and run the command again:"
                            + " state records what exists", cause);
        }
        if (code >= 500) {
            return ClouddemoException.cloud(what + ", after " + target.settings().maxAttempts() + " attempt(s)",
                    "Google Cloud is unavailable just now; run the command again in a few minutes: state records what exists", cause);
        }
        return ClouddemoException.cloud(what, "state records what was created; run the command again once the cause is"
                + " fixed, or `clouddemo destroy` to remove it", cause);
    }

    /**
     * A refusal about the project as a whole (API disabled, billing off, no quota project), not
     * about the resource asked for: a 403 that says nothing about who owns a bucket.
     */
    static boolean projectLevel(String reason, String message) {
        String text = message == null ? "" : message;
        return quotaProjectMissing(text) || text.toLowerCase(Locale.ROOT).contains("billing") || apiDisabled(reason, text);
    }

    static boolean apiDisabled(String reason, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return "accessNotConfigured".equals(reason) || lower.contains("service_disabled")
                || lower.contains("has not been used in project") || lower.contains("it is disabled");
    }

    private static final Pattern ERROR_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * The {@code error.message} of a REST failure's body: the REST transport's exception says only
     * the status line ("Bad Request"), the body says why.
     */
    static Optional<String> restMessage(ApiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.google.api.client.http.HttpResponseException http && http.getContent() != null) {
                Matcher m = ERROR_MESSAGE.matcher(http.getContent());
                if (m.find()) {
                    return Optional.of(m.group(1).replace("\\\"", "\"").replace("\\u0027", "'"));
                }
            }
        }
        return Optional.empty();
    }

    /** The HTTP status of a REST call's failure (0 when none came back). */
    static int httpStatus(ApiException e) {
        Object transport = e.getStatusCode().getTransportCode();
        if (transport instanceof Integer http) {
            return http;
        }
        return switch (e.getStatusCode().getCode()) {
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED -> 409;
            case FAILED_PRECONDITION, INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
            case RESOURCE_EXHAUSTED -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL, UNKNOWN, DATA_LOSS -> 500;
            case DEADLINE_EXCEEDED -> 504;
            default -> 0;
        };
    }

    /** User ADC without a quota project: the API answers as if called from gcloud's own project. */
    static boolean quotaProjectMissing(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("requires a quota project") || GCLOUD_CLIENT_PROJECTS.matcher(message).find();
    }

    /** The API a "disabled" message names, as its service name when it gives one (storage.googleapis.com). */
    static Optional<String> disabledApi(String message) {
        Matcher m = DISABLED_API.matcher(message);
        while (m.find()) {
            if (m.group(1) != null) {
                Matcher host = API_HOST.matcher(m.group(1));
                return Optional.of(host.matches() ? host.group(1).replaceAll("-api$", "") + ".googleapis.com" : m.group(1));
            }
        }
        m = DISABLED_API.matcher(message);
        return m.find() && m.group(2) != null ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** No HTTP answer: refused, unresolvable, or timed out. */
    static ClouddemoException noAnswer(String where, String doing, GcpTarget target, Throwable cause) {
        if (hasCause(cause, ConnectException.class)) {
            return unreachable(where, doing, target, cause);
        }
        if (hasCause(cause, UnknownHostException.class)) {
            return ClouddemoException.cloud("cannot resolve " + where + " while " + doing + " (" + rootMessage(cause) + ")",
                    target.local() ? "check " + GcpLocalEmulator.HOST_VARIABLE + ", or unset it to use " + target.emulator().endpoint()
                            : "check your network connection and DNS, or add --local to use the local emulator", cause);
        }
        if (hasCause(cause, SocketTimeoutException.class)) {
            return ClouddemoException.cloud("no answer in time from " + where + " while " + doing + ", after "
                    + target.settings().maxAttempts() + " attempt(s)", target.local()
                            ? "check that the emulator there works (`scripts/emulators.sh status`; restart it if it hangs)"
                            : "check your network connection, and run the command again", cause);
        }
        return ClouddemoException.cloud(doing + " failed at " + where + ": " + readableCause(cause),
                "run the command again to resume (state records what was created); --verbose shows details", cause);
    }

    static ClouddemoException unreachable(String where, String doing, GcpTarget target, Throwable cause) {
        String hint = target.local()
                ? "start " + GcpLocalEmulator.NAME + " there with `" + target.emulator().startCommand()
                        + "` (`scripts/emulators.sh status` shows what runs where), or point " + GcpLocalEmulator.HOST_VARIABLE
                        + " at a running one"
                : "check the endpoint and your network connection";
        return new EndpointUnreachable(where, doing, hint, cause);
    }

    /** The service's message, else the root cause's; never empty or "null". */
    static String messageOf(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() || "null".equals(message) ? rootMessage(e) : message.strip();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A network failure's own words; a failure inside the client library (an answer it could not
     * read) is said so, not with a Java message.
     */
    static String readableCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof java.io.IOException ? rootMessage(e)
                : "the client library could not read the answer (an unexpected response)";
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? "no details given" : message.strip();
    }
}
