package io.chainwright.fabric;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An organisation that runs peers, with its own MSP, CA, TLS CA, anchor peers and users. */
@Value.Immutable
@JsonSerialize(as = PeerOrg.class)
@JsonDeserialize(as = PeerOrg.class)
abstract class AbstractPeerOrg {
  /** The user every org has, whose certificate carries the admin role. */
  static final String ADMIN = "Admin";

  /** Short name, used in workload names. */
  public abstract String name();

  /** The MSP ID that policies and certificates name, e.g. {@code Org1MSP}. */
  public abstract String mspId();

  /** The DNS domain under which the peers' host names live, e.g. {@code org1.example.com}. */
  public abstract String domain();

  public abstract List<Peer> peers();

  /** How the org's CA and TLS CA run. */
  @Value.Default
  public Ca ca() {
    return Ca.defaults();
  }

  /** Names of the peers other orgs' peers reach through gossip; must be peers of this org. */
  public abstract List<String> anchorPeers();

  /** Client users besides {@code Admin}, which is always generated, e.g. {@code User1}. */
  public abstract List<String> users();

  /** The host name of one of this org's nodes: {@code <node>.<domain>}. */
  public String host(String node) {
    return node + "." + domain();
  }

  /** The peer called {@code name}, if this org has one. */
  public Optional<Peer> peer(String name) {
    return peers().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("peerOrgs", name());
    OrgNames.check(v, name(), mspId(), domain());
    if (peers().isEmpty()) {
      v.add("peers", "a peer org needs at least one peer");
    }
    v.unique("peers", peers(), Peer::name);
    for (String anchor : anchorPeers()) {
      if (peer(anchor).isEmpty()) {
        v.in("anchorPeers", anchor).add("'" + anchor + "' is not a peer of this org (peers: "
            + peers().stream().map(Peer::name).toList() + ")");
      }
    }
    v.unique("anchorPeers", anchorPeers(), a -> a);
    users().forEach(u -> OrgNames.user(v, u));
    v.unique("users", users(), u -> u);
    v.throwIfAny();
  }
}
