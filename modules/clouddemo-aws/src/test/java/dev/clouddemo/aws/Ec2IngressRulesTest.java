package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;

class Ec2IngressRulesTest {
    @Test
    void desired_noSsh_onlyHttpFromAnywhere() {
        assertThat(Ec2IngressRules.desired(null)).containsExactly(new Ec2IngressRules.Rule(80, "0.0.0.0/0"));
    }

    @Test
    void desired_sshFromOneAddress_httpAndSshFromThatAddressOnly() {
        List<Ec2IngressRules.Rule> rules = Ec2IngressRules.desired("203.0.113.7/32");

        assertThat(rules).containsExactly(new Ec2IngressRules.Rule(80, "0.0.0.0/0"), new Ec2IngressRules.Rule(22, "203.0.113.7/32"));
        assertThat(rules.get(1).toPermission().ipRanges()).extracting(r -> r.cidrIp()).containsExactly("203.0.113.7/32");
    }

    @Test
    void desired_sshFromTheWholeInternetOrTooWide_refused() {
        assertThatThrownBy(() -> Ec2IngressRules.desired("0.0.0.0/0")).hasMessageContaining("SSH is never opened to 0.0.0.0/0");
        assertThatThrownBy(() -> Ec2IngressRules.desired("10.0.0.0/7")).hasMessageContaining("never opened");
        assertThatThrownBy(() -> Ec2IngressRules.desired("300.1.1.1/32")).hasMessageContaining("not an IPv4 CIDR");
        assertThatThrownBy(() -> Ec2IngressRules.desired("::/0")).hasMessageContaining("not an IPv4 CIDR");
        assertThat(Ec2IngressRules.desired("10.0.0.0/8")).hasSize(2);
    }

    @Test
    void changes_sameRules_none() {
        List<IpPermission> current = Ec2IngressRules.desired("203.0.113.7/32").stream()
                .map(Ec2IngressRules.Rule::toPermission).toList();

        assertThat(Ec2IngressRules.changes(current, Ec2IngressRules.desired("203.0.113.7/32")).none()).isTrue();
    }

    @Test
    void changes_sshFromAnywhereAddedByHand_revokedAndTheOneAddressAuthorized() {
        // given: someone opened 22 to the world, and all traffic from another group
        List<IpPermission> current = List.of(new Ec2IngressRules.Rule(80, "0.0.0.0/0").toPermission(),
                new Ec2IngressRules.Rule(22, "0.0.0.0/0").toPermission(),
                IpPermission.builder().ipProtocol("-1").userIdGroupPairs(g -> g.groupId("sg-1")).build());

        // when
        Ec2IngressRules.Changes changes = Ec2IngressRules.changes(current, Ec2IngressRules.desired("198.51.100.1/32"));

        // then
        assertThat(changes.authorize()).containsExactly(new Ec2IngressRules.Rule(22, "198.51.100.1/32"));
        assertThat(changes.revoke()).hasSize(2);
        assertThat(changes.describe()).isEqualTo("allow SSH (22) from 198.51.100.1/32; remove tcp 22 from 0.0.0.0/0;"
                + " remove all traffic from sg-1");
    }

    @Test
    void changes_newGroup_authorizesEverythingDesired() {
        Ec2IngressRules.Changes changes = Ec2IngressRules.changes(List.of(), Ec2IngressRules.desired(null));

        assertThat(changes.revoke()).isEmpty();
        assertThat(changes.describe()).isEqualTo("allow HTTP (80) from 0.0.0.0/0");
    }
}
