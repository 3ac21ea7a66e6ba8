package io.chainwright.ethereum.common;

import io.chainwright.api.tools.FlagList;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Lodestar's pinned release accepts, for its beacon node and its validator client: lists read
 * from that release's own option definitions, and the way it spells a flag.
 */
public final class LodestarOptions {
  /** The beacon command's options at the pinned release. */
  public static final FlagList BEACON = FlagList.load(LodestarOptions.class, "lodestar-beacon.flags")
      .spelledBy(LodestarOptions::spelling);
  /** The validator command's options at the pinned release. */
  public static final FlagList VALIDATOR = FlagList.load(LodestarOptions.class, "lodestar-validator.flags")
      .spelledBy(LodestarOptions::spelling);
  private static final Pattern KEBAB = Pattern.compile("-([a-z])");

  private LodestarOptions() {}

  /** yargs reads {@code --jwt-secret} as {@code jwtSecret}; dotted names stay as they are. */
  public static String spelling(String flag) {
    Matcher m = KEBAB.matcher(flag);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, m.group(1).toUpperCase(Locale.ROOT));
    }
    return m.appendTail(out).toString();
  }
}
