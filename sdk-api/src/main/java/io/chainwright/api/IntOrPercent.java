package io.chainwright.api;

/** The "3 or 25%" values that budgets and roll-outs take. */
final class IntOrPercent {
  private IntOrPercent() {}

  static boolean valid(String s) {
    return s != null && s.matches("\\d{1,9}|(100|\\d{1,2})%");
  }

  static String problem(String s) {
    return "'" + s + "' is neither a count nor a percentage (e.g. 1 or 25%)";
  }
}
