package io.chainwright.fabric.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * Parses Fabric's signature policy DSL, e.g. {@code OR('Org1MSP.peer', AND('Org2MSP.member',
 * 'Org3MSP.admin'))} or {@code OutOf(2, 'A.peer', 'B.peer', 'C.peer')}, into a {@link SignatureRule}.
 * Principals are quoted {@code '<MSP ID>.<role>'}, where the role follows the last dot.
 */
public final class PolicyDsl {
  private final String text;
  private int pos;

  private PolicyDsl(String text) {
    this.text = text;
  }

  /** Parses {@code policy}, or throws {@link PolicySyntaxException} naming the position of the first problem. */
  public static SignatureRule parse(String policy) {
    if (policy == null) {
      throw new PolicySyntaxException("", 0, "a policy is required");
    }
    PolicyDsl parser = new PolicyDsl(policy);
    SignatureRule rule = parser.rule();
    parser.skipSpace();
    if (parser.pos < policy.length()) {
      throw parser.error("unexpected '" + policy.charAt(parser.pos) + "' after the policy");
    }
    return rule;
  }

  /** Parses {@code policy} into the envelope Fabric stores in channel config and chaincode definitions. */
  public static SignaturePolicyEnvelope envelope(String policy) {
    return envelope(parse(policy));
  }

  /**
   * The envelope of {@code rule}: one principal per occurrence, in the order they appear, each
   * referred to by its index, as Fabric's own parser builds it.
   */
  public static SignaturePolicyEnvelope envelope(SignatureRule rule) {
    SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder().setVersion(0);
    envelope.setRule(toProto(rule, envelope));
    return envelope.build();
  }

  private static SignaturePolicy toProto(SignatureRule rule, SignaturePolicyEnvelope.Builder envelope) {
    return switch (rule) {
      case SignatureRule.SignedBy by -> {
        MSPRole role = MSPRole.newBuilder().setMspIdentifier(by.mspId())
            .setRole(MSPRole.MSPRoleType.forNumber(by.role().ordinal())).build();
        envelope.addIdentities(MSPPrincipal.newBuilder()
            .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
            .setPrincipal(role.toByteString()));
        yield SignaturePolicy.newBuilder().setSignedBy(envelope.getIdentitiesCount() - 1).build();
      }
      case SignatureRule.OutOf outOf -> {
        SignaturePolicy.NOutOf.Builder n = SignaturePolicy.NOutOf.newBuilder().setN(outOf.n());
        for (SignatureRule r : outOf.rules()) {
          n.addRules(toProto(r, envelope));
        }
        yield SignaturePolicy.newBuilder().setNOutOf(n).build();
      }
    };
  }

  private SignatureRule rule() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("expected a quoted principal or AND, OR, OutOf");
    }
    char c = text.charAt(pos);
    if (c == '\'' || c == '"') {
      return principal();
    }
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    String word = text.substring(start, pos);
    String op = word.toUpperCase(Locale.ROOT);
    if (!op.equals("AND") && !op.equals("OR") && !op.equals("OUTOF")) {
      pos = start;
      throw error(word.isEmpty() ? "expected a quoted principal or AND, OR, OutOf"
          : "unknown operator '" + word + "' (AND, OR, OutOf)");
    }
    expect('(');
    skipSpace();
    int thresholdAt = pos;
    int n = op.equals("OUTOF") ? threshold() : -1;
    List<SignatureRule> args = new ArrayList<>();
    if (n >= 0) {
      expect(',');
    }
    args.add(rule());
    while (peek() == ',') {
      pos++;
      args.add(rule());
    }
    expect(')');
    if (op.equals("OUTOF") && n > args.size()) {
      pos = thresholdAt;
      throw error("OutOf(" + n + ", ...) needs at least " + n + " rules but has " + args.size());
    }
    return new SignatureRule.OutOf(op.equals("AND") ? args.size() : op.equals("OR") ? 1 : n, args);
  }

  private int threshold() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos || pos - start > 9) {
      pos = start;
      throw error("expected the number of rules OutOf requires");
    }
    int n = Integer.parseInt(text.substring(start, pos));
    if (n < 1) {
      pos = start;
      throw error("OutOf needs at least 1 rule, or the policy would need no signature at all");
    }
    return n;
  }

  private SignatureRule principal() {
    char quote = text.charAt(pos);
    int start = pos;
    int end = text.indexOf(quote, pos + 1);
    if (end < 0) {
      throw error("unterminated principal");
    }
    String body = text.substring(start + 1, end);
    int dot = body.lastIndexOf('.');
    String msp = dot < 0 ? "" : body.substring(0, dot);
    String role = dot < 0 ? "" : body.substring(dot + 1);
    if (msp.isEmpty() || !msp.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '.' || ch == '-')) {
      throw error("'" + body + "' is not a principal of the form 'MSPID.role'");
    }
    MspRole parsed = null;
    for (MspRole r : MspRole.values()) {
      if (r.dslName().equals(role)) {
        parsed = r;
      }
    }
    if (parsed == null) {
      pos = start + 1 + dot + 1;
      throw error("'" + role + "' is not a role (member, admin, client, peer, orderer)");
    }
    pos = end + 1;
    return new SignatureRule.SignedBy(msp, parsed);
  }

  private char peek() {
    skipSpace();
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error(pos < text.length() ? "expected '" + c + "' but found '" + text.charAt(pos) + "'" : "expected '" + c + "' but the policy ends");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private PolicySyntaxException error(String problem) {
    return new PolicySyntaxException(text, pos, problem);
  }
}
