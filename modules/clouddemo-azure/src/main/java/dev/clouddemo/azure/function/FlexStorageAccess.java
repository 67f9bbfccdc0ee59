package dev.clouddemo.azure.function;

import dev.clouddemo.core.error.ClouddemoException;

/**
 * How a Flex Consumption app reaches its storage account, and what to say when it cannot: the
 * account's connection string (its key) by default; where the tenant forbids shared keys
 * ({@code KeyBasedAuthenticationNotPermitted}), only a managed identity holding a data role on the
 * account works, and granting that role is beyond what a deploy should assume it may do.
 */
final class FlexStorageAccess {
    static final String KEY_BASED_FORBIDDEN = "KeyBasedAuthenticationNotPermitted";
    /** The role the app's identity needs on the account for its host storage and deployment container. */
    static final String ROLE = "Storage Blob Data Owner";

    private FlexStorageAccess() {
    }

    /** Exit 4: what happened, why, and how an identity and a role assignment would fix it. */
    static ClouddemoException sharedKeysForbidden(String what) {
        return ClouddemoException.credentials(what + " — the storage account forbids shared-key access ("
                        + KEY_BASED_FORBIDDEN + ", a policy of your tenant), and a Flex Consumption app then reaches its"
                        + " storage only through a managed identity with the role " + ROLE + " on the account",
                "an Owner or User Access Administrator of the account can grant it: `az functionapp identity assign -g GROUP"
                        + " -n APP`, then `az role assignment create --role \"" + ROLE + "\" --assignee-object-id PRINCIPAL_ID"
                        + " --scope ACCOUNT_ID` (it takes a few minutes to propagate); clouddemo grants no roles. Otherwise deploy"
                        + " into a subscription whose policy allows shared keys. What was made so far is recorded:"
                        + " `clouddemo destroy` removes it", null);
    }
}
