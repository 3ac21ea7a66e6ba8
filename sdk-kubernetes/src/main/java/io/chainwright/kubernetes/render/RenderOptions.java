package io.chainwright.kubernetes.render;

import java.util.Objects;

/**
 * Choices the model leaves to the Kubernetes backend.
 *
 * @param backupImage an image with {@code sh} and {@code kubectl}, run by backup cron jobs
 */
public record RenderOptions(String backupImage) {
  /** The image backup jobs use unless told otherwise. */
  public static final String DEFAULT_BACKUP_IMAGE = "alpine/kubectl:1.34.1";

  public RenderOptions {
    Objects.requireNonNull(backupImage, "backupImage");
  }

  public static RenderOptions defaults() {
    return new RenderOptions(DEFAULT_BACKUP_IMAGE);
  }

  public RenderOptions withBackupImage(String image) {
    return new RenderOptions(image);
  }
}
