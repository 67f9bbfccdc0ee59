package dev.clouddemo.azure.function;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.kit.wait.WaitLoop;
import java.util.Map;
import java.util.Optional;

/**
 * One Deploy, the way code reaches a Flex Consumption app: the zip POSTed to the app's deployment
 * (Kudu) host at {@code /api/publish} with {@code RemoteBuild=true} — Azure then installs
 * {@code requirements.txt} (the SDK's own {@code FunctionApp.deploy} sends {@code remoteBuild=false},
 * which leaves it uninstalled) — signed with the Resource Manager sign-in, then the deployment's
 * status polled at {@code /api/deployments/<id>} until it ends. The publish answering 2xx says only
 * that Azure took the zip: the build can still fail, which only the status tells (Kudu's codes:
 * 0 pending, 1 building, 2 deploying, 3 failed, 4 succeeded; -1 and above 4 failed too).
 */
final class OneDeploy {
    /** The plan's change type for the code. */
    static final String TYPE = "function-code";
    static final String DEPLOYMENT_ID_HEADER = "SCM-DEPLOYMENT-ID";
    private static final int SUCCEEDED = 4;
    private static final int FAILED = 3;

    private final HttpPipeline pipeline;

    OneDeploy(HttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Where a deployment stands. */
    record Status(String id, int code, String text, String logUrl) {
        boolean succeeded() {
            return code == SUCCEEDED;
        }

        boolean ended() {
            return code == SUCCEEDED || code == -1 || code >= FAILED;
        }

        String describe() {
            String word = switch (code) {
                case 0 -> "pending";
                case 1 -> "building";
                case 2 -> "deploying";
                case SUCCEEDED -> "succeeded";
                default -> "failed";
            };
            return word + (text == null || text.isBlank() ? "" : ": " + text.strip());
        }
    }

    /** Posts the zip with a remote build; the deployment's id (from {@value #DEPLOYMENT_ID_HEADER}, else "latest"). */
    String publish(String scmHost, byte[] zip) {
        HttpRequest request = new HttpRequest(HttpMethod.POST, "https://" + scmHost + "/api/publish?RemoteBuild=true&Deployer=clouddemo")
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/zip")
                .setBody(zip);
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                throw refused("sending the code to " + scmHost + " (One Deploy)", status, response.getBodyAsBinaryData().toString());
            }
            String id = response.getHeaders().getValue(HttpHeaderName.fromString(DEPLOYMENT_ID_HEADER));
            return id == null || id.isBlank() ? "latest" : id;
        }
    }

    Status status(String scmHost, String id) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, "https://" + scmHost + "/api/deployments/" + id)
                .setHeader(HttpHeaderName.ACCEPT, "application/json");
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            String body = response.getBodyAsBinaryData().toString();
            if (response.getStatusCode() == 404) {
                return new Status(id, 0, "not listed yet", null); // the deployment is registered a moment after the publish
            }
            if (response.getStatusCode() / 100 != 2) {
                throw refused("reading the status of deployment " + id + " on " + scmHost, response.getStatusCode(), body);
            }
            Map<?, ?> json;
            try {
                json = (Map<?, ?>) Json.parse(body);
            } catch (Json.ParseException | ClassCastException e) {
                throw ClouddemoException.cloud("the deployment status of " + scmHost + " is not JSON: " + abbreviated(body),
                        "run the command again; if it persists, look at the deployment in the portal (Deployment Center)", e);
            }
            Object code = json.get("status");
            return new Status(id, code instanceof Number n ? n.intValue() : -1, string(json.get("status_text")),
                    string(json.get("log_url")));
        }
    }

    /** Polls the deployment until it ends; fails, with Azure's words, unless it succeeded. */
    Status await(String scmHost, String id, WaitLoop waits) {
        Status[] last = {null};
        Status ended = waits.until(() -> "the build and deployment of the code on " + scmHost + " to finish"
                + (last[0] == null ? "" : " (" + last[0].describe() + ")"), AzureFunctionDeployer.WAIT, () -> {
                    Status now = status(scmHost, id);
                    last[0] = now;
                    return now.ended() ? Optional.of(now) : Optional.empty();
                });
        if (!ended.succeeded()) {
            String text = ended.text() == null ? "" : ended.text();
            if (text.contains(FlexStorageAccess.KEY_BASED_FORBIDDEN)) {
                throw FlexStorageAccess.sharedKeysForbidden("the deployment of the code (One Deploy) failed: " + text.strip());
            }
            throw ClouddemoException.cloud("the deployment of the code on " + scmHost + " failed (status " + ended.code() + "): "
                            + (text.isBlank() ? "Azure gave no reason" : text.strip()),
                    "read the build log" + (ended.logUrl() == null ? " in the portal (Deployment Center)" : " at " + ended.logUrl())
                            + "; a failed pip install usually names the package in requirements.txt; fix it and deploy again", null);
        }
        return ended;
    }

    private static ClouddemoException refused(String doing, int status, String body) {
        String what = doing + " failed: HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviated(body));
        if (status == 401 || status == 403) {
            return ClouddemoException.credentials(what, "deploying code needs Contributor (or Website Contributor) on the"
                    + " function app; check `az account show` and your role there", null);
        }
        return ClouddemoException.cloud(what, "run the command again: the plan sends the code again", null);
    }

    private static String abbreviated(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
