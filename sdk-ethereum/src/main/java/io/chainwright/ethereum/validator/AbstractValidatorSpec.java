package io.chainwright.ethereum.validator;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Image;
import io.chainwright.api.Names;
import io.chainwright.api.Violations;
import io.chainwright.ethereum.EthereumNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One validator client: which keys it validates for, the beacon nodes it follows, and who gets
 * the fees of the blocks it proposes. With {@code replicas(0)} it is a standby that signs nothing.
 */
@Value.Immutable
@JsonSerialize(as = ValidatorSpec.class)
@JsonDeserialize(as = ValidatorSpec.class)
abstract class AbstractValidatorSpec {
  /** The workload's name. */
  public abstract String name();

  public abstract ValidatorClient client();

  /** Replaces the client's default image. */
  public abstract Optional<Image> image();

  /** The BLS public keys this client validates for (0x and 96 lower-case hex digits). */
  public abstract List<String> publicKeys();

  /** Beacon node HTTP APIs, the first preferred; e.g. {@link io.chainwright.ethereum.EthereumNode#beaconApi()}. */
  public abstract List<URI> beaconNodes();

  /** The address that receives priority fees and MEV of proposed blocks. */
  public abstract String feeRecipient();

  /** Up to 32 bytes written into every proposed block. */
  public abstract Optional<String> graffiti();

  /**
   * A provided secret holding {@code <public key>.json} keystores and {@code <public key>.txt}
   * passwords, for a client that signs locally; none when signing through Web3Signer.
   */
  public abstract Optional<String> keystoreSecret();

  /** Running copies; more than one only through Web3Signer, whose database refuses a second signature. 0 is a standby. */
  @Value.Default
  public int replicas() {
    return 1;
  }

  /** Pins the client to one zone, e.g. to keep two clients of a fleet in different zones. */
  public abstract Optional<String> zone();

  @Value.Default
  public int metricsPort() {
    return 5064;
  }

  /** Arguments appended after the generated ones, for flags this spec does not model. */
  public abstract List<String> extraArgs();

  /** True when the client runs and signs. */
  public boolean active() {
    return replicas() > 0;
  }

  /** The image to run. */
  public Image effectiveImage() {
    return image().orElseGet(() -> Image.of(client().defaultImage()));
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.at("clients", name());
    v.label("name", name());
    v.require("client", client());
    BlsKeys.check(v, "publicKeys", publicKeys());
    if (beaconNodes().isEmpty()) {
      v.add("beaconNodes", "name at least one beacon node HTTP API");
    }
    beaconNodes().stream().filter(u -> u == null || !"http".equals(u.getScheme()) && !"https".equals(u.getScheme()))
        .forEach(u -> v.add("beaconNodes", "'" + u + "' is not an http(s) URL"));
    BlsKeys.address(v, "feeRecipient", feeRecipient());
    BlsKeys.graffiti(v, "graffiti", graffiti());
    keystoreSecret().ifPresent(s -> v.subdomain("keystoreSecret", s));
    v.range("replicas", replicas(), 0, 10, "a replica count");
    zone().ifPresent(z -> Names.labelValueProblem(z).ifPresent(p -> v.add("zone", "'" + z + "' " + p)));
    v.range("metricsPort", metricsPort(), 1, 65535, "a port");
    if (client() != null) {
      client().flags().checkExtraArgs(v, image().isPresent(), extraArgs());
    }
    v.throwIfAny();
  }
}
