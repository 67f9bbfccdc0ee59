package dev.clouddemo.aws;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.spi.FoundResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Finds clouddemo's IAM roles by their tags, asking IAM itself: the Resource Groups Tagging API
 * does not list IAM roles, so without this an orphaned execution role would stay invisible.
 */
final class IamRoleTagScan {
    private final IamClient iam;

    IamRoleTagScan(IamClient iam) {
        this.iam = iam;
    }

    /** Roles named like clouddemo's (ListRoles, then ListRoleTags) carrying its tags. */
    List<FoundResource> find(Optional<EnvName> env) {
        try {
            return scan(env);
        } catch (IamException e) {
            if (e.statusCode() == 403) {
                return List.of(); // an identity allowed S3 only (the static model) may not list roles
            }
            throw e;
        }
    }

    private List<FoundResource> scan(Optional<EnvName> env) {
        String prefix = "clouddemo-" + env.map(e -> e.value() + "-").orElse("");
        return iam.listRolesPaginator(r -> r.build()).roles().stream()
                .filter(role -> role.roleName().startsWith(prefix))
                .map(role -> AwsTagSearch.found(role.arn(), "iam", tagsOf(role)))
                .filter(found -> Tags.MANAGED_BY_VALUE.equals(found.tags().get(Tags.MANAGED_BY)))
                .filter(found -> env.isEmpty() || env.get().value().equals(found.tags().get(Tags.ENV)))
                .toList();
    }

    private Map<String, String> tagsOf(Role role) {
        return iam.listRoleTagsPaginator(r -> r.roleName(role.roleName())).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
    }

    /** The role name of a role ARN ({@code arn:aws:iam::123:role/name}), or null for other ARNs. */
    static String roleName(String arn) {
        String marker = ":role/";
        return arn.startsWith("arn:aws:iam::") && arn.contains(marker)
                ? arn.substring(arn.lastIndexOf('/') + 1) : null;
    }
}
