package dev.clouddemo.aws.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.kit.net.IngressPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;

class Ec2IngressRulesTest {
    @Test
    void permission_sshRule_tcp22FromThatRangeOnly() {
        IpPermission permission = Ec2IngressRules.permission(new IngressPolicy.Rule(22, "203.0.113.7/32"));

        assertThat(permission.ipProtocol()).isEqualTo("tcp");
        assertThat(permission.fromPort()).isEqualTo(22);
        assertThat(permission.toPort()).isEqualTo(22);
        assertThat(permission.ipRanges()).extracting(r -> r.cidrIp()).containsExactly("203.0.113.7/32");
    }

    @Test
    void changes_sameRules_none() {
        List<IpPermission> current = IngressPolicy.rules("203.0.113.7/32").stream()
                .map(Ec2IngressRules::permission).toList();

        assertThat(Ec2IngressRules.changes(current, IngressPolicy.rules("203.0.113.7/32")).none()).isTrue();
    }

    @Test
    void changes_sshFromAnywhereAddedByHand_revokedAndTheOneAddressAuthorized() {
        // given: someone opened 22 to the world, and all traffic from another group
        List<IpPermission> current = List.of(Ec2IngressRules.permission(new IngressPolicy.Rule(80, "0.0.0.0/0")),
                Ec2IngressRules.permission(new IngressPolicy.Rule(22, "0.0.0.0/0")),
                IpPermission.builder().ipProtocol("-1").userIdGroupPairs(g -> g.groupId("sg-1")).build());

        // when
        Ec2IngressRules.Changes changes = Ec2IngressRules.changes(current, IngressPolicy.rules("198.51.100.1/32"));

        // then
        assertThat(changes.authorize()).containsExactly(new IngressPolicy.Rule(22, "198.51.100.1/32"));
        assertThat(changes.revoke()).hasSize(2);
        assertThat(changes.describe()).isEqualTo("allow SSH (22) from 198.51.100.1/32; remove tcp 22 from 0.0.0.0/0;"
                + " remove all traffic from sg-1");
    }

    @Test
    void changes_newGroup_authorizesEverythingDesired() {
        Ec2IngressRules.Changes changes = Ec2IngressRules.changes(List.of(), IngressPolicy.rules(null));

        assertThat(changes.revoke()).isEmpty();
        assertThat(changes.describe()).isEqualTo("allow HTTP (80) from 0.0.0.0/0");
    }
}
