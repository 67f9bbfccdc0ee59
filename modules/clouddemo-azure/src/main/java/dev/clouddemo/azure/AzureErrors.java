package dev.clouddemo.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.storage.blob.models.BlobStorageException;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.EndpointUnreachable;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Set;

/**
 * The one place Azure SDK failures become errors that say what happened, why and what to do:
 * credentials and permissions (exit 4), Resource Manager's error codes, storage names taken,
 * throttling, and endpoints that do not answer. Never a Java class name or "null".
 */
final class AzureErrors {
    private static final Set<String> PERMISSION_CODES = Set.of("AuthorizationFailed", "InvalidAuthenticationToken",
            "ExpiredAuthenticationToken", "InvalidAuthenticationTokenTenant", "AuthenticationFailed",
            "LinkedAuthorizationFailed", "AuthorizationPermissionMismatch", "AuthorizationFailure",
            "KeyBasedAuthenticationNotPermitted", "InvalidSubscriptionId", "SubscriptionNotFound");
    static final String TRIED = "tried environment variables (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_CLIENT_SECRET…),"
            + " workload identity, managed identity, the Azure CLI (`az login`), Azure PowerShell, the Azure Developer CLI"
            + " and IDE sign-ins";

    private AzureErrors() {
    }

    static ClouddemoException translate(RuntimeException e, String doing, AzureSession session) {
        ClientAuthenticationException auth = cause(e, ClientAuthenticationException.class);
        if (auth != null) {
            // the SDK's own text names its classes and "inner exceptions": --verbose shows it
            return ClouddemoException.credentials("no usable Azure credentials while " + doing + " (" + TRIED + ")",
                    "run `az login` (or set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET for a service"
                            + " principal), or add --local to run the static model on Azurite", e);
        }
        if (e instanceof ManagementException m) {
            return management(m, doing);
        }
        if (e instanceof BlobStorageException b) {
            return blob(b, doing, session);
        }
        if (e instanceof HttpResponseException h && h.getResponse() != null) {
            return http(h.getResponse().getStatusCode(), null, firstLine(h.getMessage()), doing, e);
        }
        String where = where(session);
        if (cause(e, HttpConnectTimeoutException.class) != null || cause(e, SocketTimeoutException.class) != null
                || cause(e, HttpTimeoutException.class) != null) {
            return ClouddemoException.cloud("no answer from " + where + " in time while " + doing,
                    checkHint(session), e);
        }
        if (cause(e, ConnectException.class) != null) {
            return unreachable(where, doing, session, e);
        }
        if (cause(e, UnknownHostException.class) != null) {
            return ClouddemoException.cloud("cannot resolve the host of " + where + " while " + doing,
                    "check your network connection and DNS, or add --local for the static model on Azurite", e);
        }
        if (e.getClass().getName().startsWith("com.azure.")) {
            return ClouddemoException.cloud(doing + " failed at " + where + ": " + firstLine(rootMessage(e)),
                    "run the command again to resume (state records what was created); --verbose shows details", e);
        }
        return null;
    }

    static ClouddemoException unreachable(String where, String doing, AzureSession session, Throwable cause) {
        return new EndpointUnreachable(where, doing, checkHint(session), cause);
    }

    private static String checkHint(AzureSession session) {
        return session.local()
                ? "start Azurite there with `scripts/emulators.sh start azurite` (its port is "
                        + AzureTarget.AZURITE_PORT_VARIABLE + ", default " + AzureTarget.AZURITE_DEFAULT_PORT + ")"
                : "check your network connection (and any proxy), then run the command again: state records what exists";
    }

    private static String where(AzureSession session) {
        return session.local() ? "Azurite at " + session.endpoint()
                : session.endpoint() == null ? "Azure Resource Manager" : session.endpoint();
    }

    private static ClouddemoException management(ManagementException m, String doing) {
        ManagementError error = m.getValue();
        String code = error == null ? null : error.getCode();
        String message = error == null || error.getMessage() == null ? firstLine(m.getMessage()) : error.getMessage();
        int status = m.getResponse() == null ? 0 : m.getResponse().getStatusCode();
        return http(status, code, message, doing, m);
    }

    private static ClouddemoException blob(BlobStorageException b, String doing, AzureSession session) {
        String code = b.getErrorCode() == null ? null : b.getErrorCode().toString();
        String message = b.getServiceMessage() == null ? firstLine(b.getMessage()) : firstLine(b.getServiceMessage());
        if ("KeyBasedAuthenticationNotPermitted".equals(code)) {
            return ClouddemoException.credentials(doing + " failed: the storage account forbids shared-key access"
                            + " (KeyBasedAuthenticationNotPermitted, a policy of your tenant)",
                    "run the command again: it reads the account's setting and signs its blob calls with your Entra ID"
                            + " sign-in instead (which needs the role " + AzureStorageAccounts.DATA_ROLE + " on the account)", b);
        }
        if ("AuthorizationPermissionMismatch".equals(code) || "AuthorizationFailure".equals(code)) {
            return ClouddemoException.credentials(doing + " failed: " + code + ": " + message + " (HTTP " + b.getStatusCode() + ")",
                    "signed in with Entra ID, blob calls need the role " + AzureStorageAccounts.DATA_ROLE + " on the account"
                            + " (Owner or User Access Administrator can grant it: `az role assignment create --role \""
                            + AzureStorageAccounts.DATA_ROLE + "\" --assignee YOU --scope ACCOUNT_ID`); a new assignment"
                            + " takes a few minutes to apply", b);
        }
        return http(b.getStatusCode(), code, message, doing, b);
    }

    /** An answer with an HTTP status (and ARM or storage code): what it was and what to do. */
    static ClouddemoException http(int status, String code, String message, String doing, Throwable e) {
        String what = doing + " failed: " + (code == null ? "" : code + ": ") + (message == null || message.isBlank()
                ? "no message" : message) + (status > 0 ? " (HTTP " + status + ")" : "");
        if (code != null && PERMISSION_CODES.contains(code) || status == 401 || status == 403) {
            return ClouddemoException.credentials(what, "check that you are signed in to the right tenant and"
                    + " subscription (`az account show`) and that your role there allows it (Contributor on the"
                    + " subscription, or on the resource group, is enough for clouddemo)", e);
        }
        if (status == 429) {
            return ClouddemoException.cloud(what, "Azure is throttling requests; wait a minute and run the command"
                    + " again: state records what exists", e);
        }
        if ("StorageAccountAlreadyTaken".equals(code) || "StorageAccountAlreadyExists".equals(code)) {
            return ClouddemoException.cloud(what + ": storage account names are global across Azure and someone"
                            + " took this one since it was checked",
                    "run the command again: a new random name is drawn for an account not yet created", e);
        }
        if ("MissingSubscriptionRegistration".equals(code)) {
            return ClouddemoException.cloud(what, "run `clouddemo plan` to see the resource provider registration"
                    + " it needs, then deploy again (or `az provider register --namespace NAME`)", e);
        }
        if ("ResourceGroupBeingDeleted".equals(code)) {
            return ClouddemoException.cloud(what, "the resource group is still being deleted; wait until the"
                    + " deletion finishes (`clouddemo destroy` resumes it) and run the command again", e);
        }
        return ClouddemoException.cloud(what, "state records what was created; run the command again once the cause is"
                + " fixed, or `clouddemo destroy` to remove it", e);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "no detail given" : root.getMessage();
    }

    /** The first line of a message (the SDK appends response bodies and URLs on further lines). */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no detail given";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }
}
