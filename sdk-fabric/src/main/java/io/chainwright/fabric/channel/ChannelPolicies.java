package io.chainwright.fabric.channel;

import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * Whether a set of signers satisfies one of a channel's policies, evaluated as the policy messages
 * document it: an implicit meta policy asks the same-named policy of each child group and applies
 * ANY, ALL or MAJORITY (more than half); a signature policy's {@code n_out_of} counts rules
 * satisfied, each signer used once; a role principal takes a member of the MSP, or, for admin,
 * client, peer and orderer, one whose certificate carries that organisational unit.
 */
public final class ChannelPolicies {
  private ChannelPolicies() {}

  /** Who signed: the MSP in its serialized identity, and its certificate. */
  public record Signer(String mspId, X509Certificate certificate) {}

  /** The answer for one policy: satisfied or not, and in words what it asks and who is still missing. */
  public record Verdict(String policy, boolean satisfied, String explanation) {}

  /** Evaluates the policy at {@code path} (e.g. {@code /Channel/Application/Admins}) of {@code channel}, its root group. */
  public static Verdict evaluate(ConfigGroup channel, String path, List<Signer> signers) {
    int slash = path.lastIndexOf('/');
    ConfigGroup group = channel;
    List<String> names = List.of(path.substring(0, slash).split("/"));
    for (String name : names.subList(Math.min(2, names.size()), names.size())) {
      group = group.getGroupsMap().get(name);
      if (group == null) {
        return new Verdict(path, false, "the channel has no group " + name);
      }
    }
    Result result = evaluate(group, path.substring(slash + 1), signers, new boolean[signers.size()]);
    return new Verdict(path, result.satisfied(), result.explanation());
  }

  private record Result(boolean satisfied, String explanation) {}

  private static Result evaluate(ConfigGroup group, String name, List<Signer> signers, boolean[] used) {
    ConfigPolicy config = group.getPoliciesMap().get(name);
    if (config == null) {
      return new Result(false, "no policy " + name);
    }
    Policy policy = config.getPolicy();
    try {
      if (policy.getType() == Policy.PolicyType.IMPLICIT_META_VALUE) {
        return implicitMeta(group, ImplicitMetaPolicy.parseFrom(policy.getValue()), signers);
      }
      if (policy.getType() == Policy.PolicyType.SIGNATURE_VALUE) {
        SignaturePolicyEnvelope envelope = SignaturePolicyEnvelope.parseFrom(policy.getValue());
        boolean satisfied = rule(envelope.getRule(), envelope.getIdentitiesList(), signers, used);
        return new Result(satisfied, describe(envelope));
      }
    } catch (InvalidProtocolBufferException e) {
      return new Result(false, "policy " + name + " cannot be read: " + e.getMessage());
    }
    return new Result(false, "policy " + name + " is of a type this check does not evaluate (" + policy.getType() + ")");
  }

  private static Result implicitMeta(ConfigGroup group, ImplicitMetaPolicy meta, List<Signer> signers) {
    List<String> satisfied = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    new java.util.TreeMap<>(group.getGroupsMap()).forEach((child, childGroup) -> {
      Result result = evaluate(childGroup, meta.getSubPolicy(), signers, new boolean[signers.size()]);
      (result.satisfied() ? satisfied : missing).add(child);
    });
    int members = satisfied.size() + missing.size();
    int needed = switch (meta.getRule()) {
      case ANY -> Math.min(1, members);
      case ALL -> members;
      case MAJORITY -> members / 2 + 1;
      default -> members + 1;
    };
    String explanation = meta.getRule() + " " + meta.getSubPolicy() + " of " + members + " (" + needed + " needed): "
        + (satisfied.isEmpty() ? "none" : String.join(", ", satisfied)) + " signed"
        + (satisfied.size() >= needed ? "" : "; still " + (needed - satisfied.size()) + " of " + String.join(", ", missing));
    return new Result(satisfied.size() >= needed, explanation);
  }

  /** {@code signed_by} takes one unused matching signer; {@code n_out_of} keeps what each satisfied rule used. */
  private static boolean rule(SignaturePolicy rule, List<MSPPrincipal> principals, List<Signer> signers, boolean[] used) {
    if (rule.hasNOutOf()) {
      int count = 0;
      for (SignaturePolicy sub : rule.getNOutOf().getRulesList()) {
        boolean[] attempt = used.clone();
        if (rule(sub, principals, signers, attempt)) {
          System.arraycopy(attempt, 0, used, 0, used.length);
          count++;
        }
      }
      return count >= rule.getNOutOf().getN();
    }
    MSPPrincipal principal = principals.get(rule.getSignedBy());
    for (int i = 0; i < signers.size(); i++) {
      if (!used[i] && matches(principal, signers.get(i))) {
        used[i] = true;
        return true;
      }
    }
    return false;
  }

  private static boolean matches(MSPPrincipal principal, Signer signer) {
    if (principal.getPrincipalClassification() != MSPPrincipal.Classification.ROLE) {
      return false;
    }
    try {
      MSPRole role = MSPRole.parseFrom(principal.getPrincipal());
      if (!role.getMspIdentifier().equals(signer.mspId())) {
        return false;
      }
      return role.getRole() == MSPRole.MSPRoleType.MEMBER
          || organisationalUnits(signer.certificate()).contains(role.getRole().name().toLowerCase(Locale.ROOT));
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  private static List<String> organisationalUnits(X509Certificate certificate) {
    List<String> units = new ArrayList<>();
    for (String part : certificate.getSubjectX500Principal().getName().split(",")) {
      if (part.startsWith("OU=")) {
        units.add(part.substring(3));
      }
    }
    return units;
  }

  private static String describe(SignaturePolicyEnvelope envelope) {
    List<String> who = new ArrayList<>();
    for (MSPPrincipal principal : envelope.getIdentitiesList()) {
      try {
        MSPRole role = MSPRole.parseFrom(principal.getPrincipal());
        who.add(role.getMspIdentifier() + "." + role.getRole().name().toLowerCase(Locale.ROOT));
      } catch (InvalidProtocolBufferException e) {
        who.add("(unreadable principal)");
      }
    }
    return "signed by " + String.join(" or ", who);
  }
}
