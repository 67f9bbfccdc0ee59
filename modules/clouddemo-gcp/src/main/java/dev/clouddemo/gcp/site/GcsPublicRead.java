package dev.clouddemo.gcp.site;

import com.google.cloud.Identity;
import com.google.cloud.Policy;
import com.google.cloud.Role;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageRoles;
import dev.clouddemo.core.error.ClouddemoException;
import java.util.Locale;
import java.util.Set;

/**
 * Public read of one site bucket's objects: {@code roles/storage.objectViewer} for
 * {@code allUsers} in the bucket's IAM policy (uniform bucket-level access: no object ACLs), the
 * policy's other bindings kept. An organisation that forbids it — public access prevention
 * enforced, or domain-restricted sharing — gets an error naming that policy.
 */
final class GcsPublicRead {
    static final Role ROLE = StorageRoles.objectViewer();
    static final Identity MEMBER = Identity.allUsers();
    static final String PREVENTION_CONSTRAINT = "constraints/storage.publicAccessPrevention";
    static final String DOMAINS_CONSTRAINT = "constraints/iam.allowedPolicyMemberDomains";

    private final Storage storage;

    GcsPublicRead(Storage storage) {
        this.storage = storage;
    }

    boolean granted(String bucket) {
        Set<Identity> members = storage.getIamPolicy(bucket).getBindings().get(ROLE);
        return members != null && members.contains(MEMBER);
    }

    void grant(String bucket) {
        Policy current = storage.getIamPolicy(bucket);
        try {
            storage.setIamPolicy(bucket, current.toBuilder().addIdentity(ROLE, MEMBER).build());
        } catch (StorageException e) {
            ClouddemoException refused = refusedByPolicy(bucket, e.getCode(), e.getMessage(), e);
            throw refused != null ? refused : e;
        }
    }

    /** A refusal of {@code allUsers} by an organisation policy, named; null for any other failure. */
    static ClouddemoException refusedByPolicy(String bucket, int code, String message, Throwable cause) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if ((code == 412 || code == 400 || code == 403) && lower.contains("public access prevention")) {
            return ClouddemoException.cloud("making bucket " + bucket + " publicly readable was refused: public access"
                            + " prevention is enforced on it (HTTP " + code + ": " + message + ")",
                    "an organisation policy (" + PREVENTION_CONSTRAINT + ") or the project enforces public access prevention,"
                            + " so no bucket can be public: ask an organisation policy administrator for an exception for this"
                            + " project, or serve the site another way; `clouddemo destroy` removes the bucket", cause);
        }
        if ((code == 412 || code == 400 || code == 403)
                && (lower.contains("permitted customer") || lower.contains("allowedpolicymemberdomains")
                        || lower.contains("domain restricted sharing"))) {
            return ClouddemoException.cloud("making bucket " + bucket + " publicly readable was refused: allUsers may not"
                            + " be granted a role here (HTTP " + code + ": " + message + ")",
                    "the organisation restricts IAM members to its own domains (domain-restricted sharing, "
                            + DOMAINS_CONSTRAINT + "): ask an organisation policy administrator for an exception for this"
                            + " project; `clouddemo destroy` removes the bucket", cause);
        }
        return null;
    }
}
