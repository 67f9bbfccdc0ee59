package dev.clouddemo.aws.function;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.spi.Progress;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * The log group Lambda creates for a function on its first run, {@code /aws/lambda/<name>}. It
 * outlives the function (and keeps costing storage), so destroy removes it. An emulator without
 * CloudWatch Logs has none to remove: "not found" and "not supported" both mean gone.
 */
final class LambdaLogGroup {
    private static final Set<String> UNSUPPORTED = Set.of("UnknownOperationException", "InvalidAction",
            "NotImplemented");

    private final CloudWatchLogsClient logs;

    LambdaLogGroup(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    static String name(String function) {
        return "/aws/lambda/" + function;
    }

    /** Deletes the function's log group and checks it is gone; says which case it met. */
    void delete(String function, Progress progress) {
        String group = name(function);
        try {
            logs.deleteLogGroup(r -> r.logGroupName(group));
            progress.info("Deleted log group " + group);
        } catch (ResourceNotFoundException e) {
            progress.info("Log group " + group + " does not exist (the function never ran, or it is already gone)");
            return;
        } catch (CloudWatchLogsException e) {
            if (unsupported(e)) {
                progress.warn("CloudWatch Logs is not available at this endpoint (" + e.awsErrorDetails().errorCode()
                        + "); treating log group " + group + " as gone");
                return;
            }
            throw e;
        }
        boolean left = logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().stream()
                .anyMatch(g -> group.equals(g.logGroupName()));
        if (left) {
            throw ClouddemoException.cloud("log group " + group + " still exists after deleting it",
                    "run destroy again; if the function was still running, it may have written to it once more", null);
        }
    }

    private static boolean unsupported(CloudWatchLogsException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 501 || (code != null && UNSUPPORTED.contains(code)) || (e.statusCode() == 404 && code == null);
    }
}
