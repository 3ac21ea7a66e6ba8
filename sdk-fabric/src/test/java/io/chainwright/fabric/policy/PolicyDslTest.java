package io.chainwright.fabric.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainwright.fabric.policy.SignatureRule.OutOf;
import io.chainwright.fabric.policy.SignatureRule.SignedBy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy DSL parses as Fabric reads it, and a typo is reported with its position. */
class PolicyDslTest {
  @Test
  void parsesNestedAndOrWithRoles() {
    SignatureRule rule = PolicyDsl.parse("OR('Org1MSP.peer', AND('Org2MSP.member', \"Org3MSP.admin\"))");
    assertThat(rule).isEqualTo(new OutOf(1, List.of(
        new SignedBy("Org1MSP", MspRole.PEER),
        new OutOf(2, List.of(new SignedBy("Org2MSP", MspRole.MEMBER), new SignedBy("Org3MSP", MspRole.ADMIN))))));
    assertThat(rule.mspIds()).containsExactly("Org1MSP", "Org2MSP", "Org3MSP");
  }

  @Test
  void parsesOutOfAndMspIdsWithDots() {
    SignatureRule rule = PolicyDsl.parse(" OutOf( 2 , 'a.b.client','c-d.orderer','e.peer' ) ");
    assertThat(rule).isEqualTo(new OutOf(2, List.of(new SignedBy("a.b", MspRole.CLIENT),
        new SignedBy("c-d", MspRole.ORDERER), new SignedBy("e", MspRole.PEER))));
    assertThat(rule).hasToString("OutOf(2, 'a.b.client', 'c-d.orderer', 'e.peer')");
    assertThat(PolicyDsl.parse(rule.toString())).isEqualTo(rule);
  }

  @Test
  void reportsEachKindOfMistakeWithItsPosition() {
    assertError("OR('Org1MSP.peer'", "expected ')' but the policy ends at position 18");
    assertError("OR('Org1MSP.peers')", "'peers' is not a role (member, admin, client, peer, orderer) at position 13");
    assertError("XOR('A.peer')", "unknown operator 'XOR' (AND, OR, OutOf) at position 1");
    assertError("OutOf(3, 'A.peer', 'B.peer')", "needs at least 3 rules but has 2 at position 7");
    assertError("OutOf(0, 'A.peer')", "at least 1 rule");
    assertError("OR('Org1MSP)", "unterminated principal at position 4");
    assertError("OR('peer')", "'peer' is not a principal of the form 'MSPID.role'");
    assertError("'A.peer' 'B.peer'", "unexpected ''' after the policy at position 10");
    assertError("", "expected a quoted principal or AND, OR, OutOf at position 1");
    assertError("AND()", "expected a quoted principal or AND, OR, OutOf at position 5");
  }

  private static void assertError(String policy, String message) {
    assertThatThrownBy(() -> PolicyDsl.parse(policy)).isInstanceOf(PolicySyntaxException.class).hasMessageContaining(message);
  }
}
