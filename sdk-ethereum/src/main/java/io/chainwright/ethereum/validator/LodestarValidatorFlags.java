package io.chainwright.ethereum.validator;

import io.chainwright.api.Container;
import io.chainwright.api.Resources;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.Volume;
import io.chainwright.api.volume.VolumeMount;
import io.chainwright.api.tools.FlagList;
import io.chainwright.ethereum.common.ContainerLayout;
import io.chainwright.ethereum.common.LodestarOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lodestar's validator client (the {@code validator} command of the {@code chainsafe/lodestar}
 * image). Signing remotely, it is given Web3Signer and the keys. Signing locally, it reads its
 * persisted layout: {@code <keystoresDir>/<key>/voting-keystore.json}, which must be writable
 * because Lodestar locks each keystore beside it, so an init step copies the keystores onto the
 * data volume; and {@code <secretsDir>/<key>}, the password, mounted straight from the secret so
 * that no password is ever written to disk.
 */
final class LodestarValidatorFlags implements ValidatorFlags {
  static final String KEYSTORES_DIR = ContainerLayout.DATA_DIR + "/keystores";
  static final String PASSWORDS_DIR = "/keystore-passwords";
  private static final String PASSWORDS_VOLUME = "keystore-passwords";

  @Override
  public List<String> args(ValidatorContext c) {
    ValidatorSpec s = c.spec();
    List<String> a = new ArrayList<>(List.of("validator", "--network=" + c.network().id(), "--dataDir=" + ContainerLayout.DATA_DIR,
        "--beaconNodes=" + c.beaconNodes(), "--suggestedFeeRecipient=" + s.feeRecipient()));
    s.graffiti().ifPresent(g -> a.add("--graffiti=" + g));
    if (c.signerUrl().isPresent()) {
      a.addAll(List.of("--externalSigner.urls=" + c.signerUrl().get(), "--externalSigner.pubkeys=" + String.join(",", c.publicKeys())));
    } else {
      a.addAll(List.of("--keystoresDir=" + KEYSTORES_DIR, "--secretsDir=" + PASSWORDS_DIR));
    }
    a.addAll(List.of("--metrics", "--metrics.address=" + ContainerLayout.ALL_INTERFACES, "--metrics.port=" + s.metricsPort()));
    return a;
  }

  @Override
  public Optional<FlagList> pinnedOptions() {
    return Optional.of(LodestarOptions.VALIDATOR);
  }

  /** Each key's password, at the path Lodestar reads it from: the key itself, in the secrets dir. */
  @Override
  public Optional<Volume> configVolume(ValidatorContext c) {
    if (c.signerUrl().isPresent()) {
      return Optional.empty();
    }
    SecretVolume.Builder passwords = SecretVolume.builder().name(PASSWORDS_VOLUME).secret(c.spec().keystoreSecret().orElseThrow());
    c.publicKeys().forEach(key -> passwords.putItem(key + ".txt", key));
    return Optional.of(passwords.build());
  }

  @Override
  public List<VolumeMount> mounts(ValidatorContext c) {
    return c.signerUrl().isPresent() ? List.of() : List.of(VolumeMount.readOnly(PASSWORDS_VOLUME, PASSWORDS_DIR));
  }

  @Override
  public Optional<Container> init(ValidatorContext c) {
    if (c.signerUrl().isPresent()) {
      return Optional.empty();
    }
    StringBuilder script = new StringBuilder("set -e");
    for (String key : c.publicKeys()) {
      String dir = KEYSTORES_DIR + "/" + key;
      script.append(" && mkdir -p ").append(dir).append(" && cp ").append(c.keystore(key)).append(' ').append(dir).append("/voting-keystore.json");
    }
    return Optional.of(Container.builder().name("keystores-init").image(c.spec().effectiveImage())
        .addCommand("sh", "-c").addArgs(script.toString())
        .addMount(VolumeMount.of("data", ContainerLayout.DATA_DIR))
        .addMount(VolumeMount.readOnly("keys", ValidatorContext.KEYS_DIR))
        .resources(Resources.setupStep())
        .build());
  }
}
