package dev.clouddemo.aws;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.EndpointUnreachable;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS SDK failures into errors that say what happened, why, and what to do. */
final class AwsErrors {
    private static final Set<String> CREDENTIAL_CODES = Set.of(
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
            "InvalidClientTokenId", "UnrecognizedClientException", "AccessDenied", "AccessDeniedException",
            "AuthFailure", "UnauthorizedOperation");

    private AwsErrors() {
    }

    /** A step's failure: the SDK's say what AWS answered; others are not the SDK's (null). */
    static ClouddemoException translate(RuntimeException e, String doing, AwsSession session) {
        return e instanceof SdkException sdk ? translate(sdk, doing, session) : null;
    }

    static ClouddemoException translate(SdkException e, String doing, AwsSession session) {
        String where = session.endpoint() == null ? "AWS (" + session.region() + ")" : session.endpoint();
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
            String what = doing + " failed: " + (code == null ? "" : code + ": ") + message
                    + " (HTTP " + service.statusCode() + ")";
            if (code != null && CREDENTIAL_CODES.contains(code)) {
                return ClouddemoException.credentials(what,
                        "check that your credentials are current and allowed to do this (`aws sts get-caller-identity`"
                                + " shows who you are)", e);
            }
            if (service.isThrottlingException()) {
                return ClouddemoException.cloud(what, "AWS is throttling requests; wait a minute and run the command"
                        + " again: state records what exists", e);
            }
            return ClouddemoException.cloud(what, "state records what was created; run the command again once the"
                    + " cause is fixed, or `clouddemo destroy` to remove it", e);
        }
        if (hasCause(e, SocketTimeoutException.class)) {
            return timedOut(where, doing, session, e);
        }
        if (hasCause(e, ConnectException.class)) {
            return unreachable(where, doing, session, e);
        }
        if (hasCause(e, UnknownHostException.class)) {
            return ClouddemoException.cloud("cannot resolve " + where + " while " + doing + " (" + rootMessage(e) + ")",
                    session.target().local()
                            ? "check the host name in AWS_ENDPOINT_URL, or leave it unset to use the local emulators ("
                                    + String.join(", ", session.target().emulators().endpoints()) + ")"
                            : "check your network connection and DNS, or add --local to use the local emulator", e);
        }
        if (isWaiterTimeout(e)) {
            return ClouddemoException.cloud(doing + " timed out: " + e.getMessage(),
                    "the cloud is slow; run the command again to resume (the waits are set in the settings file,"
                            + " see config/clouddemo.yaml)", e);
        }
        return ClouddemoException.cloud(doing + " failed at " + where + ": " + rootMessage(e),
                "run the command again to resume (state records what was created); --verbose shows details", e);
    }

    static ClouddemoException unreachable(String where, String doing, AwsSession session, Throwable cause) {
        String hint = session.target().local() ? localUnreachableHint(session.target())
                : "check the endpoint and your network connection";
        return new EndpointUnreachable(where, doing, hint, cause);
    }

    /** An attempt timed out (and so did its retries): which timeout, how long, and how to change it. */
    static ClouddemoException timedOut(String where, String doing, AwsSession session, Throwable cause) {
        AwsTimeouts timeouts = session.target().timeouts();
        boolean connecting = rootMessage(cause).toLowerCase(java.util.Locale.ROOT).contains("connect");
        String what = connecting
                ? "cannot connect to " + where + " within " + timeouts.connect().toSeconds() + " s while " + doing
                : "no answer within " + timeouts.read().toSeconds() + " s from " + where + " while " + doing
                        + " (it accepts connections but does not respond)";
        String variable = connecting ? AwsTimeouts.CONNECT_VARIABLE : AwsTimeouts.READ_VARIABLE;
        String check = session.target().local() ? "check that the emulator there works (`scripts/emulators.sh status`;"
                + " restart it if it hangs)" : "check the endpoint and your network connection";
        return ClouddemoException.cloud(what + ", after " + session.target().settings().maxAttempts() + " attempt(s)",
                check + "; " + variable + " sets the timeout, the settings file's attempts how often it is tried", cause);
    }

    /** Which emulator to start, on the port this run expects it (its CLOUDDEMO_<NAME>_PORT). */
    private static String localUnreachableHint(AwsTarget target) {
        AwsLocalEmulators emulators = target.emulators();
        String status = "`scripts/emulators.sh status` shows what runs where";
        return emulators.at(target.endpoint())
                .map(emulator -> "start " + emulator.scriptName() + " there with `" + emulators.startCommand(emulator)
                        + "` (" + status + "), or point AWS_ENDPOINT_URL at a running emulator")
                .orElseGet(() -> "start the emulator that should answer there, or point AWS_ENDPOINT_URL at a running"
                        + " one (`scripts/emulators.sh start` starts LocalStack on " + emulators.port(AwsLocalEmulators.Emulator.LOCALSTACK)
                        + ", MiniStack on " + emulators.port(AwsLocalEmulators.Emulator.MINISTACK) + ", moto on "
                        + emulators.port(AwsLocalEmulators.Emulator.MOTO) + "; " + status + ")");
    }

    /** The SDK's waiters end with this message when their wait time or attempts run out. */
    static boolean isWaiterTimeout(SdkException e) {
        return e.getMessage() != null && e.getMessage().startsWith("The waiter has exceeded");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
