package io.chainwright.fabric;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Names;
import io.chainwright.api.Violations;
import io.chainwright.fabric.policy.PolicyDsl;
import io.chainwright.fabric.policy.PolicySyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.immutables.value.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hyperledger Fabric network: orderer orgs running one Raft cluster, peer orgs, the application
 * channels they share and the chaincodes defined on them, checked as a whole when built.
 *
 * <pre>{@code
 * FabricNetwork network = FabricNetwork.builder()
 *     .name("trade")
 *     .addOrdererOrg(OrdererOrg.builder().name("ord").mspId("OrdererMSP").domain("example.com")
 *         .addOrderers(Orderer.of("orderer0"), Orderer.of("orderer1"), Orderer.of("orderer2")).build())
 *     .addPeerOrg(PeerOrg.builder().name("org1").mspId("Org1MSP").domain("org1.example.com")
 *         .addPeer(Peer.of("peer0")).addAnchorPeer("peer0").build())
 *     .addChannel(Channel.builder().name("trade").addMember("org1").build())
 *     .addChaincode(Chaincode.builder().name("asset").channel("trade")
 *         .endorsementPolicy("OR('Org1MSP.peer')").build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = FabricNetwork.class)
@JsonDeserialize(as = FabricNetwork.class)
abstract class AbstractFabricNetwork {
  private static final Logger LOG = LoggerFactory.getLogger(FabricNetwork.class);
  private static final int MIN_RAFT = 3;
  private static final int MAX_RAFT = 7;

  public abstract String name();

  @Value.Default
  public NetworkMode mode() {
    return NetworkMode.PRODUCTION;
  }

  public abstract List<OrdererOrg> ordererOrgs();

  /** The Fabric release whose peer and orderer images a network runs unless it names others. */
  public static final String FABRIC_VERSION = "2.5.12";

  public abstract List<PeerOrg> peerOrgs();

  public abstract List<Channel> channels();

  public abstract List<Chaincode> chaincodes();

  /** The image of every peer. */
  @Value.Default
  public Image peerImage() {
    return Image.of("hyperledger/fabric-peer:" + FABRIC_VERSION);
  }

  /** The image of every orderer. */
  @Value.Default
  public Image ordererImage() {
    return Image.of("hyperledger/fabric-orderer:" + FABRIC_VERSION);
  }

  /** The image of every org's CA and TLS CA. */
  @Value.Default
  public Image caImage() {
    return Image.of("hyperledger/fabric-ca:1.5.15");
  }

  /** The image of the CouchDB sidecar of peers that keep their state in CouchDB. */
  @Value.Default
  public Image couchDbImage() {
    return Image.of("couchdb:3.4.2");
  }

  /** The number of orderers across all orderer orgs: the size of the Raft cluster. */
  public int ordererCount() {
    return ordererOrgs().stream().mapToInt(o -> o.orderers().size()).sum();
  }

  /** The peer org called {@code name}, if there is one. */
  public Optional<PeerOrg> peerOrg(String name) {
    return peerOrgs().stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** The channel called {@code name}, if there is one. */
  public Optional<Channel> channel(String name) {
    return channels().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The member orgs of {@code channel}, in the order the channel lists them. */
  public List<PeerOrg> members(Channel channel) {
    return channel.members().stream().map(this::peerOrg).flatMap(Optional::stream).toList();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root();
    v.label("name", name());
    v.require("mode", mode());
    if (ordererOrgs().isEmpty()) {
      v.add("ordererOrgs", "a network needs at least one orderer org");
    }
    if (peerOrgs().isEmpty()) {
      v.add("peerOrgs", "a network needs at least one peer org");
    }
    checkOrgClashes(v);
    checkWorkloadNames(v);
    checkRaftSize(v);
    v.unique("channels", channels(), Channel::name);
    for (Channel channel : channels()) {
      for (String member : channel.members()) {
        if (peerOrg(member).isEmpty()) {
          v.in("channels", channel.name()).in("members", member).add("'" + member + "' is not a peer org of this network");
        }
      }
    }
    v.unique("chaincodes", chaincodes(), Chaincode::name);
    chaincodes().forEach(cc -> checkChaincode(v.in("chaincodes", cc.name()), cc));
    v.throwIfAny();
  }

  private void checkOrgClashes(Violations v) {
    List<Org> orgs = new ArrayList<>();
    ordererOrgs().forEach(o -> orgs.add(new Org("ordererOrgs", o.name(), o.mspId(), o.domain())));
    peerOrgs().forEach(o -> orgs.add(new Org("peerOrgs", o.name(), o.mspId(), o.domain())));
    for (int i = 0; i < orgs.size(); i++) {
      Org org = orgs.get(i);
      for (Org earlier : orgs.subList(0, i)) {
        Violations at = v.in(org.list(), org.name());
        if (org.name().equals(earlier.name())) {
          at.add("name", "'" + org.name() + "' is already the name of another org");
        }
        if (org.mspId().equals(earlier.mspId())) {
          at.add("mspId", "'" + org.mspId() + "' is already the MSP ID of " + earlier.list() + "[" + earlier.name() + "]");
        }
        if (org.domain().equals(earlier.domain())) {
          at.add("domain", "'" + org.domain() + "' is already the domain of " + earlier.list() + "[" + earlier.name() + "]");
        }
      }
    }
  }

  private void checkRaftSize(Violations v) {
    int count = ordererCount();
    if (ordererOrgs().isEmpty() || mode() == null) {
      return;
    }
    if (mode() == NetworkMode.PRODUCTION && (count % 2 == 0 || count < MIN_RAFT || count > MAX_RAFT)) {
      v.add("ordererOrgs", count + " orderers in total: production Raft needs an odd number from "
          + MIN_RAFT + " to " + MAX_RAFT + " (a single orderer is allowed only in DEVNET mode)");
    } else if (mode() == NetworkMode.DEVNET && count > MAX_RAFT) {
      v.add("ordererOrgs", count + " orderers in total: Raft takes at most " + MAX_RAFT);
    } else if (mode() == NetworkMode.DEVNET && count == 1) {
      LOG.warn("Fabric network '{}' has a single orderer: fine for a devnet, but it cannot survive losing it", name());
    }
  }

  private void checkChaincode(Violations v, Chaincode cc) {
    Optional<Channel> channel = Optional.ofNullable(cc.channel()).flatMap(this::channel);
    if (cc.channel() != null && channel.isEmpty()) {
      v.add("channel", "'" + cc.channel() + "' is not a channel of this network (channels: "
          + channels().stream().map(Channel::name).toList() + ")");
    }
    if (cc.endorsementPolicy().isEmpty()) {
      return;
    }
    Set<String> named;
    try {
      named = PolicyDsl.parse(cc.endorsementPolicy().get()).mspIds();
    } catch (PolicySyntaxException e) {
      return; // the chaincode's own check has reported it
    }
    Set<String> known = peerOrgs().stream().map(PeerOrg::mspId).collect(Collectors.toSet());
    Set<String> members = channel.map(c -> members(c).stream().map(PeerOrg::mspId).collect(Collectors.toSet())).orElse(known);
    for (String msp : named) {
      if (!known.contains(msp)) {
        v.add("endorsementPolicy", "names '" + msp + "', which is not the MSP ID of a peer org (known: "
            + peerOrgs().stream().map(PeerOrg::mspId).toList() + ")");
      } else if (!members.contains(msp)) {
        v.add("endorsementPolicy", "names '" + msp + "', which is not a member of channel '" + cc.channel() + "'");
      }
    }
  }

  /**
   * The workloads this network compiles into are named after orgs, nodes and chaincodes; each name
   * must be a DNS label, and no two may meet (a peer called {@code ca} would meet the org's CA).
   */
  private void checkWorkloadNames(Violations v) {
    Map<String, String> seen = new LinkedHashMap<>();
    BiConsumer<String, String> claim = (workload, path) -> {
      Optional<String> problem = Names.dnsLabelProblem(workload);
      String earlier = seen.putIfAbsent(workload, path);
      if (problem.isPresent()) {
        v.add(path, "makes workload '" + workload + "', which " + problem.get());
      } else if (earlier != null) {
        v.add(path, "makes workload '" + workload + "', as " + earlier + " already does");
      }
    };
    List<FabricOrg> orgs = new ArrayList<>(ordererOrgs());
    orgs.addAll(peerOrgs());
    for (FabricOrg org : orgs) {
      String at = (org instanceof OrdererOrg ? "ordererOrgs[" : "peerOrgs[") + org.name() + "]";
      claim.accept(org.caWorkload(), at + ".name");
      claim.accept(org.tlsCaWorkload(), at + ".name");
      if (org instanceof OrdererOrg o) {
        o.orderers().forEach(n -> claim.accept(o.workload(n.name()), at + ".orderers[" + n.name() + "].name"));
      } else if (org instanceof PeerOrg p) {
        p.peers().forEach(n -> claim.accept(p.workload(n.name()), at + ".peers[" + n.name() + "].name"));
      }
    }
    for (Chaincode cc : chaincodes()) {
      channel(cc.channel()).ifPresent(c -> members(c).forEach(
          org -> claim.accept(cc.workload(org), "chaincodes[" + cc.name() + "].name")));
    }
  }

  /** What two orgs of either kind must not share. */
  private record Org(String list, String name, String mspId, String domain) {}
}
