package dev.clouddemo.gcp;

import com.google.cloud.compute.v1.Operation;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.wait.WaitLoop;
import java.util.List;
import java.util.Optional;

/**
 * Compute Engine's long-running operations, polled by clouddemo's wait loop (so Ctrl-C, progress
 * and {@code waits.gce-operation} apply): an insert or delete is accepted first and fails, if it
 * fails, in its operation (capacity, quota), which this reads as Compute Engine wrote it.
 */
public final class ComputeOperations {
    /** The wait for one operation (config/clouddemo.yaml: waits.gce-operation). */
    public static final String WAIT = "gce-operation";
    public static final String POOL_EXHAUSTED = "ZONE_RESOURCE_POOL_EXHAUSTED";
    public static final String POOL_EXHAUSTED_WITH_DETAILS = "ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS";

    private final GcpClients clients;
    private final String project;

    ComputeOperations(GcpClients clients, String project) {
        this.clients = clients;
        this.project = project;
    }

    /** Polls {@code started} (zonal, or global when it names no zone) until DONE; the DONE operation. */
    public Operation await(Operation started, String what, WaitLoop wait) {
        if (started.getStatus() == Operation.Status.DONE) {
            return started;
        }
        String zone = lastSegment(started.getZone());
        return wait.until(() -> what, WAIT, () -> {
            Operation now = zone.isEmpty() ? clients.globalOperations().get(project, started.getName())
                    : clients.zoneOperations().get(project, zone, started.getName());
            return now.getStatus() == Operation.Status.DONE ? Optional.of(now) : Optional.empty();
        });
    }

    /** {@link #await}, then the operation's error, if it ended with one, as a {@link #failure} of {@code doing}. */
    public Operation awaitSucceeded(Operation started, String what, String doing, WaitLoop wait) {
        Operation done = await(started, what, wait);
        if (!errorCodes(done).isEmpty()) {
            throw failure(doing, done, project);
        }
        return done;
    }

    /** Polls the operation an earlier run started (its reference: {@code zone/name}, or {@code name} for a global one). */
    public Operation resume(String reference, String what, WaitLoop wait) {
        int slash = reference.indexOf('/');
        Operation.Builder op = Operation.newBuilder().setName(reference.substring(slash + 1)).setStatus(Operation.Status.RUNNING);
        if (slash > 0) {
            op.setZone(reference.substring(0, slash));
        }
        return await(op.build(), what, wait);
    }

    /** What state records of a running operation, for {@link #resume}. */
    public static String reference(Operation operation) {
        String zone = lastSegment(operation.getZone());
        return zone.isEmpty() ? operation.getName() : zone + "/" + operation.getName();
    }

    /** The error codes of a DONE operation (none when it succeeded). */
    public static List<String> errorCodes(Operation operation) {
        return operation.hasError() ? operation.getError().getErrorsList().stream().map(e -> e.getCode()).toList() : List.of();
    }

    /** Whether Compute Engine had no capacity for the VM in its zone (spot, mostly). */
    public static boolean poolExhausted(Operation operation) {
        return errorCodes(operation).stream().anyMatch(c -> c.equals(POOL_EXHAUSTED) || c.equals(POOL_EXHAUSTED_WITH_DETAILS));
    }

    /** A DONE operation's failure, explained: quota, capacity, permission, or as Compute Engine said it. */
    public static ClouddemoException failure(String doing, Operation operation, String project) {
        List<String> codes = errorCodes(operation);
        String messages = operation.getError().getErrorsList().stream().map(e -> e.getMessage()).reduce((a, b) -> a + "; " + b)
                .orElse(operation.getHttpErrorMessage());
        String what = doing + " failed: " + messages + " (" + String.join(", ", codes) + ")";
        if (codes.stream().anyMatch(c -> c.contains("QUOTA_EXCEEDED"))) {
            return ClouddemoException.cloud(what, "a Compute Engine quota of project " + project + " is used up: see"
                    + " `gcloud compute regions describe REGION` (quotas), free some, or ask for more in the console"
                    + " (IAM & Admin > Quotas); state records what exists", null);
        }
        if (poolExhausted(operation)) {
            return ClouddemoException.cloud(what, "Compute Engine has no capacity for this VM in its zone just now:"
                    + " add --spot-fallback (with --spot) to launch a standard VM instead, pick another --zone, or try later", null);
        }
        if (operation.getHttpErrorStatusCode() == 403 || codes.stream().anyMatch(c -> c.contains("PERMISSION"))) {
            return ClouddemoException.credentials(what, "the caller lacks a Compute Engine permission in project " + project
                    + " (docs/models/gcp-iaas.md lists the roles)", null);
        }
        return ClouddemoException.cloud(what, "state records what was created; run the command again once the cause is"
                + " fixed, or `clouddemo destroy` to remove it", null);
    }

    static String lastSegment(String url) {
        return url == null || url.isEmpty() ? "" : url.substring(url.lastIndexOf('/') + 1);
    }
}
