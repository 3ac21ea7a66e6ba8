package io.chainwright.ethereum.validator;

import io.chainwright.api.Container;
import io.chainwright.api.Resources;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.Volume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.ethereum.common.ContainerLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lighthouse's validator client. It learns its keys from a {@code validator_definitions.yml}, which
 * is generated (remote Web3Signer entries, or local keystore paths) and copied into the writable
 * validators dir, because Lighthouse keeps its slashing database beside it.
 */
final class LighthouseValidatorFlags implements ValidatorFlags {
  static final String DEFINITIONS = "validator_definitions.yml";
  private static final String DEFINITIONS_DIR = "/definitions";
  private static final String VALIDATORS_DIR = ContainerLayout.DATA_DIR + "/validators";

  @Override
  public List<String> command() {
    return List.of("lighthouse");
  }

  @Override
  public List<String> args(ValidatorContext c) {
    ValidatorSpec s = c.spec();
    List<String> a = new ArrayList<>(List.of("validator_client", "--network=" + c.network().id(),
        "--datadir=" + ContainerLayout.DATA_DIR, "--validators-dir=" + VALIDATORS_DIR,
        // Only the generated definitions count; a stray keystore in the data dir is never picked up.
        "--disable-auto-discover", "--init-slashing-protection",
        "--beacon-nodes=" + c.beaconNodes(), "--suggested-fee-recipient=" + s.feeRecipient()));
    s.graffiti().ifPresent(g -> a.add("--graffiti=" + g));
    a.addAll(List.of("--metrics", "--metrics-address=" + ContainerLayout.ALL_INTERFACES, "--metrics-port=" + s.metricsPort()));
    return a;
  }

  @Override
  public Optional<Volume> configVolume(ValidatorContext c) {
    return Optional.of(ConfigVolume.builder().name("definitions").putFile(DEFINITIONS, definitions(c)).build());
  }

  @Override
  public Optional<Container> init(ValidatorContext c) {
    return Optional.of(Container.builder().name("definitions-init").image(c.spec().effectiveImage())
        .addCommand("sh", "-c")
        .addArgs("mkdir -p " + VALIDATORS_DIR + " && cp " + DEFINITIONS_DIR + "/" + DEFINITIONS + " " + VALIDATORS_DIR + "/")
        .addMount(VolumeMount.of("data", ContainerLayout.DATA_DIR))
        .addMount(VolumeMount.readOnly("definitions", DEFINITIONS_DIR))
        .resources(Resources.setupStep())
        .build());
  }

  /** One entry per key: signed remotely through Web3Signer, or from a mounted keystore and its password file. */
  static String definitions(ValidatorContext c) {
    StringBuilder yaml = new StringBuilder();
    for (String key : c.publicKeys()) {
      yaml.append("- enabled: true\n  voting_public_key: \"").append(key).append("\"\n");
      if (c.signerUrl().isPresent()) {
        yaml.append("  type: web3signer\n  url: \"").append(c.signerUrl().get()).append("\"\n");
      } else {
        yaml.append("  type: local_keystore\n  voting_keystore_path: \"").append(c.keystore(key)).append("\"\n")
            .append("  voting_keystore_password_path: \"").append(c.password(key)).append("\"\n");
      }
    }
    return yaml.toString();
  }
}
