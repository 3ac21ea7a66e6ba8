package io.chainwright.api;

/**
 * Secret or generated material (a secret value, a key, a certificate, a genesis, a stored file)
 * could not be read, written or made; the message names the material and its source.
 */
public class MaterialException extends ChainwrightException {
  public MaterialException(String message) {
    super(message);
  }

  public MaterialException(String message, Throwable cause) {
    super(message, cause);
  }
}
