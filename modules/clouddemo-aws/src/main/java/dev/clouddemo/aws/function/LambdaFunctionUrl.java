package dev.clouddemo.aws.function;

import dev.clouddemo.core.json.Json;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The function's URL: its config (auth type NONE = public, AWS_IAM = signed requests only) and,
 * for a public URL, the two resource-based policy statements AWS requires since October 2025:
 * {@code lambda:InvokeFunctionUrl} for anyone with auth type NONE, and {@code lambda:InvokeFunction}
 * for anyone but only through the function URL.
 */
final class LambdaFunctionUrl {
    static final String PUBLIC_URL_STATEMENT = "FunctionURLAllowPublicAccess";
    static final String PUBLIC_INVOKE_STATEMENT = "FunctionURLAllowInvokeAction";
    static final List<String> PUBLIC_STATEMENTS = List.of(PUBLIC_URL_STATEMENT, PUBLIC_INVOKE_STATEMENT);

    private final LambdaClient lambda;

    LambdaFunctionUrl(LambdaClient lambda) {
        this.lambda = lambda;
    }

    Optional<GetFunctionUrlConfigResponse> find(String function) {
        try {
            return Optional.of(lambda.getFunctionUrlConfig(r -> r.functionName(function)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Creates the URL config; returns the URL as Lambda reports it. */
    String create(String function, FunctionUrlAuthType auth) {
        return lambda.createFunctionUrlConfig(r -> r.functionName(function).authType(auth)).functionUrl();
    }

    String updateAuth(String function, FunctionUrlAuthType auth) {
        return lambda.updateFunctionUrlConfig(r -> r.functionName(function).authType(auth)).functionUrl();
    }

    /** Deletes the URL config; a missing one (or function) is fine. */
    void delete(String function) {
        try {
            lambda.deleteFunctionUrlConfig(r -> r.functionName(function));
        } catch (ResourceNotFoundException e) {
            // already gone
        }
    }

    /** Which of the public statements the function's resource-based policy holds. */
    Set<String> publicStatements(String function) {
        String policy;
        try {
            policy = lambda.getPolicy(r -> r.functionName(function)).policy();
        } catch (ResourceNotFoundException e) {
            return Set.of();
        }
        Set<String> found = new LinkedHashSet<>();
        try {
            Object parsed = Json.parse(policy);
            if (parsed instanceof Map<?, ?> document && document.get("Statement") instanceof List<?> statements) {
                for (Object statement : statements) {
                    if (statement instanceof Map<?, ?> s && PUBLIC_STATEMENTS.contains(s.get("Sid"))) {
                        found.add((String) s.get("Sid"));
                    }
                }
            }
        } catch (Json.ParseException e) {
            return Set.of();
        }
        return found;
    }

    /** Adds whichever public statements are missing. */
    void allowPublic(String function) {
        Set<String> present = publicStatements(function);
        if (!present.contains(PUBLIC_URL_STATEMENT)) {
            lambda.addPermission(r -> r.functionName(function).statementId(PUBLIC_URL_STATEMENT)
                    .action("lambda:InvokeFunctionUrl").principal("*").functionUrlAuthType(FunctionUrlAuthType.NONE));
        }
        if (!present.contains(PUBLIC_INVOKE_STATEMENT)) {
            lambda.addPermission(r -> r.functionName(function).statementId(PUBLIC_INVOKE_STATEMENT)
                    .action("lambda:InvokeFunction").principal("*").invokedViaFunctionUrl(true));
        }
    }

    /** Removes the public statements there are. */
    void revokePublic(String function) {
        for (String statement : publicStatements(function)) {
            lambda.removePermission(r -> r.functionName(function).statementId(statement));
        }
    }

    /**
     * The URL a browser can open. Real AWS's is kept. An emulator answers with AWS's host name
     * ({@code https://<url-id>.lambda-url.<region>.on.aws/}, moto and MiniStack) that leads to
     * the real AWS; it becomes {@code http://<url-id>.lambda-url.<region>.localhost:<port>/} on the
     * emulator's own port, which MiniStack serves and browsers and curl resolve to loopback.
     * LocalStack already answers with a reachable {@code …localhost.localstack.cloud:<port>} URL.
     */
    static String reachable(String functionUrl, String region, URI endpoint) {
        String url = functionUrl.endsWith("/") ? functionUrl : functionUrl + "/";
        if (endpoint == null) {
            return url;
        }
        URI parsed = URI.create(url);
        String host = parsed.getHost();
        int marker = host == null ? -1 : host.indexOf(".lambda-url.");
        if (marker <= 0 || !host.endsWith(".on.aws")) {
            return url;
        }
        String scheme = endpoint.getScheme() == null ? "http" : endpoint.getScheme();
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + host.substring(0, marker) + ".lambda-url." + region + ".localhost:" + port
                + (parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath());
    }
}
