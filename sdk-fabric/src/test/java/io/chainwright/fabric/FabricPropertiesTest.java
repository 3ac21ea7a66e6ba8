package io.chainwright.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.ModelMapper;
import io.chainwright.api.ValidationException;
import io.chainwright.fabric.policy.MspRole;
import io.chainwright.fabric.policy.PolicyDsl;
import io.chainwright.fabric.policy.PolicySyntaxException;
import io.chainwright.fabric.policy.SignatureRule;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever goes into the builders, a network builds or fails with a {@link ValidationException};
 * whatever text is given as a policy, it parses or fails with a {@link PolicySyntaxException}.
 */
class FabricPropertiesTest {
  /** What a network is made of, drawn from valid and broken names, counts and references. */
  record Spec(int modeAndOrderers, List<String> orgs, List<String> msps, int peers, List<String> anchors,
      List<String> members, String ccChannel, String policy) {}

  @Provide
  Arbitrary<Spec> specs() {
    // Broken choices are rarer than sound ones, so that a good share of networks is valid.
    Arbitrary<String> names = Arbitraries.frequency(Tuple.of(8, "org1"), Tuple.of(8, "org2"), Tuple.of(8, "org3"),
        Tuple.of(1, "Org_4"), Tuple.of(1, ""), Tuple.of(1, "-x"));
    Arbitrary<String> msps = Arbitraries.frequency(Tuple.of(6, "Org1MSP"), Tuple.of(6, "Org2MSP"), Tuple.of(6, "OrdererMSP"),
        Tuple.of(6, "Org3MSP"), Tuple.of(1, "bad msp"), Tuple.of(1, ""));
    // {0} and {1} stand for the MSP IDs of the first two peer orgs.
    Arbitrary<String> policies = Arbitraries.frequency(Tuple.of(4, "OR('{0}.peer')"),
        Tuple.of(4, "AND('{0}.peer','{1}.peer')"), Tuple.of(2, "'{1}.admin'"),
        Tuple.of(1, "OutOf(2, '{0}.member')"), Tuple.of(1, "OR('Nope.peer')"), Tuple.of(1, "OR("));
    // One number gives mode and orderer count: jqwik combines at most eight arbitraries.
    return net.jqwik.api.Combinators.combine(
        Arbitraries.oneOf(Arbitraries.of(3, 5, 7, 11, 12), Arbitraries.integers().between(0, 19)),
        names.list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
        msps.list().ofSize(4).uniqueElements(),
        Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(6, 1), Tuple.of(6, 2)),
        Arbitraries.frequency(Tuple.of(4, List.<String>of()), Tuple.of(8, List.of("peer0")), Tuple.of(1, List.of("peer0", "peer1")),
            Tuple.of(1, List.of("peer9")), Tuple.of(1, List.of("PEER"))),
        Arbitraries.frequency(Tuple.of(6, List.of("*")), Tuple.of(1, List.of("org1")), Tuple.of(1, List.of("org2", "ghost"))),
        Arbitraries.frequency(Tuple.of(8, "trade"), Tuple.of(1, "nowhere"), Tuple.of(1, "")),
        policies.injectNull(0.3)).as(Spec::new);
  }

  @Property(tries = 300)
  @net.jqwik.api.statistics.StatisticsReport(net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode.OFF)
  void networksBuildOrFailWithValidationOnly(@ForAll("specs") Spec spec) {
    // Both outcomes must come up, or the property checks less than it claims.
    Statistics.coverage(c -> {
      c.check("valid").percentage(p -> p > 2);
      c.check("invalid").percentage(p -> p > 20);
    });
    FabricNetwork network;
    try {
      network = build(spec);
    } catch (ValidationException e) {
      assertThat(e.violations()).isNotEmpty();
      Statistics.collect("invalid");
      return;
    }
    Statistics.collect("valid");
    assertThat(ModelMapper.fromYaml(ModelMapper.toYaml(network), FabricNetwork.class)).isEqualTo(network);
  }

  @Property(tries = 500)
  void anyTextParsesOrFailsWithAPosition(@ForAll("policyText") String text) {
    try {
      SignatureRule rule = PolicyDsl.parse(text);
      assertThat(PolicyDsl.parse(rule.toString())).isEqualTo(rule);
    } catch (PolicySyntaxException e) {
      assertThat(e.position()).isBetween(0, text.length());
    }
  }

  @Provide
  Arbitrary<String> policyText() {
    return Arbitraries.of("OR", "AND", "OutOf", "(", ")", ",", " ", "'A.peer'", "\"B.admin\"", "'", "2", "0", "'C.x'", "xyz")
        .list().ofMaxSize(12).map(parts -> String.join("", parts));
  }

  private static FabricNetwork build(Spec spec) {
    OrdererOrg.Builder ord = OrdererOrg.builder().name("ord").mspId(spec.msps().get(0)).domain("example.com");
    for (int i = 0; i < spec.modeAndOrderers() % 10; i++) {
      ord.addOrderer(Orderer.of("orderer" + i));
    }
    List<PeerOrg> orgs = new ArrayList<>();
    for (int i = 0; i < spec.orgs().size(); i++) {
      PeerOrg.Builder org = PeerOrg.builder().name(spec.orgs().get(i)).mspId(spec.msps().get(i + 1)).domain("o" + i + ".example.com");
      for (int p = 0; p < spec.peers(); p++) {
        org.addPeer(Peer.builder().name("peer" + p).stateDatabase(p % 2 == 0 ? StateDatabase.LEVELDB : StateDatabase.COUCHDB).build());
      }
      orgs.add(org.addAllAnchorPeers(spec.anchors()).build());
    }
    Chaincode.Builder cc = Chaincode.builder().name("asset").channel(spec.ccChannel());
    if (spec.policy() != null) {
      String first = spec.msps().get(1);
      String second = spec.orgs().size() > 1 ? spec.msps().get(2) : "Nope";
      cc.endorsementPolicy(spec.policy().replace("{0}", first).replace("{1}", second));
    }
    return FabricNetwork.builder()
        .name("net")
        .mode(spec.modeAndOrderers() < 10 ? NetworkMode.PRODUCTION : NetworkMode.DEVNET)
        .addOrdererOrg(ord.build())
        .addAllPeerOrgs(orgs)
        .addChannel(Channel.builder().name("trade")
            .addAllMembers(spec.members().equals(List.of("*")) ? spec.orgs() : spec.members()).build())
        .addChaincode(cc.build())
        .build();
  }

  @Property(tries = 50)
  void everyRoleRoundTripsThroughTheDsl(@ForAll MspRole role) {
    SignatureRule rule = PolicyDsl.parse("'Org1MSP." + role.dslName() + "'");
    assertThat(rule).isEqualTo(new SignatureRule.SignedBy("Org1MSP", role));
  }
}
