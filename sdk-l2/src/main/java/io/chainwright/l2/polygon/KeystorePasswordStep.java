package io.chainwright.l2.polygon;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Resources;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.VolumeMount;

/**
 * Puts the keystore password into the node's TOML, where zkevm-node reads it (the {@code Password}
 * of each {@code PrivateKey}), without the password ever being in a ConfigMap or on disk: the
 * ConfigMap holds the TOML with a placeholder, and this step writes the finished file into
 * memory-backed scratch space, from the password in the keystore secret. The password goes into a
 * TOML literal string, which takes anything but a single quote or a control character other than a
 * tab; a password with one stops the step with a message saying so.
 */
final class KeystorePasswordStep {
  static final String PLACEHOLDER = "@KEYSTORE_PASSWORD@";
  static final String VOLUME = "node-config";
  /** Where the finished TOML is, for the node's {@code --cfg}. */
  static final String DIR = "/node-config";

  private KeystorePasswordStep() {}

  /** The memory-backed volume the finished TOML is written to. */
  static ScratchVolume volume() {
    return ScratchVolume.builder().name(VOLUME).inMemory(true).sizeLimit("1Mi").build();
  }

  /** The step, reading the template from the {@code config} volume and the password from the {@code keystores} volume. */
  static Container container(String secret) {
    return Container.builder().name("keystore-password").image(Image.SHELL)
        .addCommand("awk").addArgs(program(secret, CdkCompiler.CONFIG, CdkCompiler.KEYSTORES, DIR))
        .addMount(VolumeMount.readOnly("config", CdkCompiler.CONFIG))
        .addMount(VolumeMount.readOnly("keystores", CdkCompiler.KEYSTORES))
        .addMount(VolumeMount.of(VOLUME, DIR))
        .resources(Resources.setupStep())
        .build();
  }

  /**
   * The awk program, with its folders as arguments so that tests can run it elsewhere. It holds no
   * {@code $}, which Compose would read as a variable; {@code index} and {@code substr} copy the
   * password as it is, where {@code gsub} would read {@code &} and {@code \} in it.
   */
  static String program(String secret, String templates, String keystores, String out) {
    String refused = "The password in secret " + secret + " is empty or holds a single quote, a line break or another control"
        + " character, which the node's TOML cannot take";
    return String.join("\n",
        "BEGIN {",
        "  file = \"" + keystores + "/password\"",
        "  if ((getline password < file) <= 0 || password == \"\" || index(password, \"\\047\") > 0 || password ~ /[\\001-\\010\\012-\\037\\177]/) {",
        "    print \"" + refused + "\" > \"/dev/stderr\"; exit 1",
        "  }",
        "  while ((getline extra < file) > 0) if (extra != \"\") { print \"" + refused + "\" > \"/dev/stderr\"; exit 1 }",
        "  while ((getline line < \"" + templates + "/config.toml\") > 0) {",
        "    done = \"\"",
        "    while ((i = index(line, \"" + PLACEHOLDER + "\")) > 0) { done = done substr(line, 1, i - 1) password; line = substr(line, i + "
            + PLACEHOLDER.length() + ") }",
        "    print done line > \"" + out + "/config.toml\"",
        "  }",
        "}");
  }
}
