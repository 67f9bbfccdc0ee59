package dev.clouddemo.gcp;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.Locale;

/**
 * A grant to {@code allUsers} refused by an organisation policy, named: public access prevention
 * (Cloud Storage) or domain-restricted sharing (any IAM policy). Shared by the models that make
 * something public.
 */
public final class PublicAccessRefusals {
    public static final String PREVENTION_CONSTRAINT = "constraints/storage.publicAccessPrevention";
    public static final String DOMAINS_CONSTRAINT = "constraints/iam.allowedPolicyMemberDomains";

    private PublicAccessRefusals() {
    }

    /** As {@link #refused(String, int, String, Throwable)} for a REST client's failure (its body says why). */
    public static ClouddemoException refused(String what, com.google.api.gax.rpc.ApiException e) {
        return refused(what, GcpErrors.httpStatus(e), GcpErrors.restMessage(e).orElse(GcpErrors.messageOf(e)), e);
    }

    /** The error for a refusal of making {@code what} public, or null for any other failure. */
    public static ClouddemoException refused(String what, int code, String message, Throwable cause) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        boolean refusal = code == 412 || code == 400 || code == 403;
        if (refusal && lower.contains("public access prevention")) {
            return ClouddemoException.cloud("making " + what + " publicly readable was refused: public access"
                            + " prevention is enforced on it (HTTP " + code + ": " + message + ")",
                    "an organisation policy (" + PREVENTION_CONSTRAINT + ") or the project enforces public access prevention,"
                            + " so no bucket can be public: ask an organisation policy administrator for an exception for this"
                            + " project, or serve the site another way; `clouddemo destroy` removes what was made", cause);
        }
        if (refusal && (lower.contains("permitted customer") || lower.contains("allowedpolicymemberdomains")
                || lower.contains("domain restricted sharing"))) {
            return ClouddemoException.cloud("making " + what + " public was refused: allUsers may not"
                            + " be granted a role here (HTTP " + code + ": " + message + ")",
                    "the organisation restricts IAM members to its own domains (domain-restricted sharing, "
                            + DOMAINS_CONSTRAINT + "): ask an organisation policy administrator for an exception for this"
                            + " project; `clouddemo destroy` removes what was made", cause);
        }
        return null;
    }
}
