package io.chainwright.fabric.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.junit.jupiter.api.Test;

/** A parsed policy becomes the envelope Fabric's own parser makes: principals by occurrence, rules by index. */
class PolicyEnvelopeTest {
  @Test
  void nestedPolicyBecomesNOutOfRulesOverIndexedPrincipals() throws Exception {
    SignaturePolicyEnvelope envelope = PolicyDsl.envelope("OR('Org1MSP.peer', AND('Org2MSP.member', 'Org3MSP.admin'))");
    assertThat(envelope.getVersion()).isZero();
    assertThat(envelope.getIdentitiesCount()).isEqualTo(3);
    MSPPrincipal third = envelope.getIdentities(2);
    assertThat(third.getPrincipalClassification()).isEqualTo(MSPPrincipal.Classification.ROLE);
    MSPRole role = MSPRole.parseFrom(third.getPrincipal());
    assertThat(role.getMspIdentifier()).isEqualTo("Org3MSP");
    assertThat(role.getRole()).isEqualTo(MSPRole.MSPRoleType.ADMIN);
    assertThat(MSPRole.parseFrom(envelope.getIdentities(0).getPrincipal()).getRole()).isEqualTo(MSPRole.MSPRoleType.PEER);

    SignaturePolicy.NOutOf or = envelope.getRule().getNOutOf();
    assertThat(or.getN()).isEqualTo(1);
    assertThat(or.getRules(0).getSignedBy()).isZero();
    SignaturePolicy.NOutOf and = or.getRules(1).getNOutOf();
    assertThat(and.getN()).isEqualTo(2);
    assertThat(and.getRulesList()).extracting(SignaturePolicy::getSignedBy).containsExactly(1, 2);
  }

  @Test
  void aRepeatedPrincipalIsListedAtEachOccurrence() {
    SignaturePolicyEnvelope envelope = PolicyDsl.envelope("OutOf(1, 'A.peer', 'A.peer')");
    assertThat(envelope.getIdentitiesCount()).isEqualTo(2);
    assertThat(envelope.getRule().getNOutOf().getRulesList()).extracting(SignaturePolicy::getSignedBy).containsExactly(0, 1);
  }

  @Test
  void everyRoleMapsToFabricsRoleNumber() throws Exception {
    for (MspRole role : MspRole.values()) {
      SignaturePolicyEnvelope e = PolicyDsl.envelope("'X." + role.dslName() + "'");
      assertThat(MSPRole.parseFrom(e.getIdentities(0).getPrincipal()).getRole().name()).isEqualTo(role.name());
      assertThat(e.getRule().getSignedBy()).isZero();
    }
  }
}
