package io.chainwright.ethereum.cl;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Violations;
import io.chainwright.ethereum.common.RpcAccess;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The consensus half of a node: which beacon client, where it gets a trusted starting point
 * (checkpoint sync) and who may call its HTTP API.
 */
@Value.Immutable
@JsonSerialize(as = ConsensusSpec.class)
@JsonDeserialize(as = ConsensusSpec.class)
abstract class AbstractConsensusSpec {
  public abstract ConsensusClient client();

  /** Replaces the client's default image. */
  public abstract Optional<Image> image();

  /** A beacon node trusted for a recent finalized state; required on public networks unless genesis sync is chosen. */
  public abstract Optional<URI> checkpointSyncUrl();

  /**
   * Sync from genesis without a trusted checkpoint. Insecure on public networks: it is slow and
   * open to long-range attacks outside the weak-subjectivity period.
   */
  @Value.Default
  public boolean genesisSyncInsecure() {
    return false;
  }

  /** Browser origins allowed to call the beacon API (none by default); {@code *} needs allowAnyOriginInsecure. */
  @Value.Default
  public RpcAccess access() {
    return RpcAccess.restricted();
  }

  public abstract Optional<Integer> targetPeers();

  @Value.Default
  public int httpPort() {
    return 5052;
  }

  @Value.Default
  public int metricsPort() {
    return 8008;
  }

  /** The libp2p port, on TCP and UDP. */
  @Value.Default
  public int p2pPort() {
    return 9000;
  }

  /** Arguments appended after the generated ones, for flags this spec does not model. */
  public abstract List<String> extraArgs();

  /** A spec for {@code client} that checkpoint-syncs from {@code checkpointSyncUrl}. */
  public static ConsensusSpec of(ConsensusClient client, URI checkpointSyncUrl) {
    return ConsensusSpec.builder().client(client).checkpointSyncUrl(checkpointSyncUrl).build();
  }

  /** The image to run. */
  public Image effectiveImage() {
    return image().orElseGet(() -> Image.of(client().defaultImage()));
  }

  /** Clients whose beacon API takes a single CORS origin, so a list would be one origin nobody has. */
  private static final Set<ConsensusClient> SINGLE_ORIGIN = EnumSet.of(ConsensusClient.NIMBUS, ConsensusClient.LODESTAR);

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("consensus");
    v.require("client", client());
    checkpointSyncUrl().filter(u -> !"http".equals(u.getScheme()) && !"https".equals(u.getScheme()))
        .ifPresent(u -> v.add("checkpointSyncUrl", "'" + u + "' is not an http(s) URL"));
    if (checkpointSyncUrl().isPresent() && genesisSyncInsecure()) {
      v.add("genesisSyncInsecure", "choose either a checkpoint sync URL or genesis sync, not both");
    }
    targetPeers().ifPresent(p -> v.range("targetPeers", p, 1, 1000, "a peer count"));
    if (client() != null) {
      client().flags().checkExtraArgs(v, image().isPresent(), extraArgs());
    }
    if (client() != null && SINGLE_ORIGIN.contains(client()) && access().corsOrigins().size() > 1) {
      v.in("access").add("corsOrigins", client() + " allows one CORS origin (" + (client() == ConsensusClient.NIMBUS
          ? "--rest-allow-origin" : "--rest.cors") + "), not " + access().corsOrigins().size() + ": " + access().corsOrigins());
    }
    int[] ports = {httpPort(), metricsPort(), p2pPort()};
    String[] names = {"httpPort", "metricsPort", "p2pPort"};
    for (int i = 0; i < ports.length; i++) {
      v.range(names[i], ports[i], 1, 65535, "a port");
      for (int j = 0; j < i; j++) {
        if (ports[i] == ports[j]) {
          v.add(names[i], ports[i] + " is already the " + names[j]);
        }
      }
    }
    v.throwIfAny();
  }
}
