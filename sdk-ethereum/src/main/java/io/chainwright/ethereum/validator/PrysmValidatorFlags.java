package io.chainwright.ethereum.validator;

import io.chainwright.ethereum.common.ContainerLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Prysm's validator client, talking REST to any beacon node and signing through Web3Signer. Local
 * keystores would first need importing into a Prysm wallet, which this SDK does not model.
 */
final class PrysmValidatorFlags implements ValidatorFlags {
  @Override
  public List<String> args(ValidatorContext c) {
    ValidatorSpec s = c.spec();
    List<String> a = new ArrayList<>(List.of("--accept-terms-of-use", "--" + c.network().id(),
        "--datadir=" + ContainerLayout.DATA_DIR,
        // REST rather than Prysm's own gRPC, so the validator can use any client's beacon node.
        "--enable-beacon-rest-api", "--beacon-rest-api-provider=" + s.beaconNodes().get(0),
        "--suggested-fee-recipient=" + s.feeRecipient()));
    s.graffiti().ifPresent(g -> a.add("--graffiti=" + g));
    c.signerUrl().ifPresent(url -> a.addAll(List.of("--validators-external-signer-url=" + url,
        "--validators-external-signer-public-keys=" + String.join(",", c.publicKeys()))));
    a.addAll(List.of("--monitoring-host=" + ContainerLayout.ALL_INTERFACES, "--monitoring-port=" + s.metricsPort()));
    return a;
  }

  @Override
  public boolean signsLocally() {
    return false;
  }
}
