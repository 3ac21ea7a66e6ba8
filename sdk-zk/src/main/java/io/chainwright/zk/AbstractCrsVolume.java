package io.chainwright.zk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.chainwright.api.Violations;
import java.net.URI;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The CRS (structured reference string) or parameter files a prover reads, mounted read-only. Either
 * a shared volume filled beforehand (read by many replicas at once), or fetched from a URL into each
 * replica's scratch space before the prover starts.
 */
@Value.Immutable
@JsonSerialize(as = CrsVolume.class)
@JsonDeserialize(as = CrsVolume.class)
abstract class AbstractCrsVolume {
  /** Where the prover sees the files. */
  @Value.Default
  public String path() {
    return "/crs";
  }

  /** The size of the volume, e.g. {@code 20Gi}; CRS files for large circuits run to gigabytes. */
  public abstract String size();

  /** The file the prover opens, e.g. {@code setup_2^24.key}; given when the prover is pointed at one file. */
  public abstract Optional<String> file();

  /** Fetch {@link #file()} from here into scratch space at start; without it, the volume must be filled beforehand. */
  public abstract Optional<URI> fetchFrom();

  /** The storage class of a shared volume; the platform default when absent. */
  public abstract Optional<String> storageClass();

  /** A shared, read-only volume of {@code size} that is filled beforehand. */
  public static CrsVolume shared(String size) {
    return CrsVolume.builder().size(size).build();
  }

  /** {@code file}, fetched from {@code url} into each replica's scratch space of {@code size}. */
  public static CrsVolume fetched(String size, String file, URI url) {
    return CrsVolume.builder().size(size).file(file).fetchFrom(url).build();
  }

  /** The full path of {@link #file()}, or the directory when no file is named. */
  public String filePath() {
    return file().map(f -> path() + "/" + f).orElse(path());
  }

  @Value.Check
  protected void validate() {
    Violations v = Violations.root().in("crs");
    if (v.require("path", path()) && !path().startsWith("/")) {
      v.add("path", "'" + path() + "' is not an absolute path");
    }
    v.require("size", size());
    v.quantity("size", Optional.ofNullable(size()));
    file().filter(f -> f.isBlank() || f.contains("/")).ifPresent(f -> v.add("file", "'" + f + "' is not a plain file name"));
    fetchFrom().filter(u -> !"https".equals(u.getScheme())).ifPresent(u -> v.add("fetchFrom", "'" + u + "' is not an https URL"));
    if (fetchFrom().isPresent() && file().isEmpty()) {
      v.add("file", "a fetched CRS needs the file name to write");
    }
    if (fetchFrom().isPresent() && storageClass().isPresent()) {
      v.add("storageClass", "a fetched CRS lives in scratch space, which has no storage class");
    }
    storageClass().ifPresent(c -> v.subdomain("storageClass", c));
    v.throwIfAny();
  }
}
