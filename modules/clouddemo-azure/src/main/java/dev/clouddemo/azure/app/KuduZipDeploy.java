package dev.clouddemo.azure.app;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.kit.wait.WaitLoop;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kudu, the Web App's deployment service on its SCM host, signed in with the same Entra ID token as
 * Resource Manager (no publishing password: basic authentication can stay off). A zip deploy is
 * asynchronous ({@code POST /api/zipdeploy?isAsync=true} answers 202 with a {@code Location} to
 * poll): a synchronous one with a build during deployment times out on Linux. The deployment's
 * message carries the code's SHA-256, so a plan reads from {@code /api/deployments/latest} whether
 * the code running is the code given. Kudu's statuses: 4 Success, 3 Failed.
 */
final class KuduZipDeploy {
    static final String WAIT = "app-deployment";
    static final int SUCCESS = 4;
    static final int FAILED = 3;
    static final String DEPLOYER = "clouddemo";

    /** A Kudu deployment as {@code /api/deployments/…} describes it. */
    record Deployment(String id, int status, boolean complete, String message, String statusText) {
        /** Whether this is a deployment of the code of that SHA-256 that has not ended yet. */
        boolean running(String codeSha256) {
            return !complete && message != null && message.contains(codeSha256);
        }

        boolean succeeded() {
            return complete && status == SUCCESS;
        }

        /** Whether this is the successful deployment of the code of that SHA-256. */
        boolean deployed(String codeSha256) {
            return succeeded() && message != null && message.contains(codeSha256);
        }
    }

    private final Supplier<HttpPipeline> pipeline;

    KuduZipDeploy(Supplier<HttpPipeline> pipeline) {
        this.pipeline = pipeline;
    }

    static String message(String codeSha256) {
        return "clouddemo code " + codeSha256;
    }

    /** The newest deployment, or empty when the app has had none. */
    Optional<Deployment> latest(String scmHost) {
        try (HttpResponse response = send(HttpMethod.GET, latestUrl(scmHost), null)) {
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            if (response.getStatusCode() != 200) {
                throw failure(response, "reading the latest deployment of " + scmHost);
            }
            return Optional.of(parse(response.getBodyAsString().block()));
        }
    }

    /** Uploads the zip, then polls the deployment until it ends; the deployment when it succeeded. */
    Deployment deploy(String scmHost, String app, byte[] zip, String codeSha256, WaitLoop waits) {
        String url = "https://" + scmHost + "/api/zipdeploy?isAsync=true&deployer=" + DEPLOYER + "&message="
                + URLEncoder.encode(message(codeSha256), StandardCharsets.UTF_8);
        String location;
        try (HttpResponse response = send(HttpMethod.POST, url, zip)) {
            int status = response.getStatusCode();
            if (status != 202 && status != 200) {
                throw failure(response, "uploading the code of Web App " + app + " to Kudu (zip deploy)");
            }
            location = response.getHeaderValue(HttpHeaderName.LOCATION);
        }
        return awaitEnd(location != null ? location : latestUrl(scmHost), scmHost, app, waits);
    }

    /** Waits for the deployment running now (one a stopped run started) to end; the deployment when it succeeded. */
    Deployment await(String scmHost, String app, WaitLoop waits) {
        return awaitEnd(latestUrl(scmHost), scmHost, app, waits);
    }

    private static String latestUrl(String scmHost) {
        return "https://" + scmHost + "/api/deployments/latest";
    }

    private Deployment awaitEnd(String poll, String scmHost, String app, WaitLoop waits) {
        Deployment done = waits.until("the deployment of Web App " + app + " (building requirements.txt)", WAIT,
                () -> status(poll, app).filter(Deployment::complete));
        if (!done.succeeded()) {
            throw ClouddemoException.cloud("the deployment " + done.id() + " of Web App " + app + " failed (Kudu status "
                            + done.status() + (done.statusText() == null || done.statusText().isBlank() ? "" : ": " + done.statusText())
                            + "); the app still runs the code it ran before",
                    "read the build log (`az webapp log deployment show -n " + app + " -g GROUP`, or https://" + scmHost
                            + "/api/deployments/" + done.id() + "/log), fix the code or requirements.txt, and deploy again", null);
        }
        return done;
    }

    /** One poll: 202 while it runs, 200 with the deployment. */
    private Optional<Deployment> status(String url, String app) {
        try (HttpResponse response = send(HttpMethod.GET, url, null)) {
            int status = response.getStatusCode();
            if (status == 202) {
                return Optional.empty();
            }
            if (status != 200) {
                throw failure(response, "polling the deployment of Web App " + app);
            }
            String body = response.getBodyAsString().block();
            return body == null || body.isBlank() ? Optional.empty() : Optional.of(parse(body));
        }
    }

    private HttpResponse send(HttpMethod method, String url, byte[] body) {
        HttpRequest request = new HttpRequest(method, url);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/zip");
            request.setBody(body);
        }
        return pipeline.get().sendSync(request, Context.NONE);
    }

    static Deployment parse(String body) {
        Map<?, ?> json;
        try {
            json = Json.parse(body) instanceof Map<?, ?> m ? m : Map.of();
        } catch (Json.ParseException e) {
            json = Map.of();
        }
        Object status = json.get("status");
        return new Deployment(String.valueOf(json.get("id")), status instanceof Number n ? n.intValue() : -1,
                Boolean.TRUE.equals(json.get("complete")), json.get("message") == null ? null : String.valueOf(json.get("message")),
                json.get("status_text") == null ? null : String.valueOf(json.get("status_text")));
    }

    private static ClouddemoException failure(HttpResponse response, String doing) {
        int status = response.getStatusCode();
        String body = response.getBodyAsString().block();
        String what = doing + " failed: HTTP " + status + (body == null || body.isBlank() ? "" : ": " + firstLine(body));
        if (status == 401 || status == 403) {
            return ClouddemoException.credentials(what, "Kudu takes your Entra ID sign-in: your role needs to allow"
                    + " publishing to the app (Website Contributor or Contributor on its resource group)", null);
        }
        if (status == 429) {
            return ClouddemoException.cloud(what, "the deployment service is throttling requests; wait a minute and deploy"
                    + " again: state records what exists", null);
        }
        return ClouddemoException.cloud(what, "deploy again once the cause is fixed; state records what exists", null);
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
