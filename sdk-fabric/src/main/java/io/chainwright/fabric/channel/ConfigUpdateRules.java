package io.chainwright.fabric.channel;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.chainwright.api.UsageException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigSignature;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * What an orderer does with a config update, as {@code common.ConfigUpdate} documents it: the read
 * set's versions must be the channel's; written elements whose version did not move are ignored;
 * each remaining one must be new at version zero or at its current version plus one, and needs the
 * current element's mod policy satisfied; then the write set is applied. Lets a caller see, before
 * submitting, which policies must sign, and what the channel's config will be.
 */
public final class ConfigUpdateRules {
  private ConfigUpdateRules() {}

  /** What applying an update gives: the channel's new root group, and the policies (full paths) its signatures must satisfy. */
  public record Outcome(ConfigGroup channel, List<String> policiesToSatisfy) {}

  private enum Kind { GROUP, VALUE, POLICY }

  /** One element of a config tree: its path, and the message at that path without its members. */
  private record Item(Kind kind, String path, String group, long version, String modPolicy, Object message, ConfigGroup members) {}

  /**
   * Applies {@code update} to {@code current}, a channel's root group.
   *
   * @throws UsageException when the update rests on other versions than the channel's, or writes a version that does not follow
   */
  public static Outcome apply(ConfigGroup current, ConfigUpdate update) {
    Map<String, Item> config = flatten("Channel", "", current);
    Map<String, Item> read = flatten("Channel", "", update.getReadSet());
    for (Item item : read.values()) {
      Item now = config.get(key(item));
      if (now == null || now.version() != item.version()) {
        throw new UsageException("apply the config update of channel " + update.getChannelId() + ": it read " + describe(item)
            + " at version " + item.version() + (now == null ? ", which the channel does not have" : ", but the channel has version " + now.version())
            + "; compute it again from the current config");
      }
    }
    Map<String, Item> next = new LinkedHashMap<>(config);
    TreeSet<String> policies = new TreeSet<>();
    for (Item item : flatten("Channel", "", update.getWriteSet()).values()) {
      Item before = read.get(key(item));
      if (before != null && before.version() == item.version()) {
        continue; // not written
      }
      Item now = config.get(key(item));
      long expected = now == null ? 0 : now.version() + 1;
      if (item.version() != expected) {
        throw new UsageException("apply the config update of channel " + update.getChannelId() + ": it writes " + describe(item)
            + " at version " + item.version() + ", but the next version is " + expected);
      }
      if (now != null) {
        policies.add(policyPath(now));
      }
      next.put(key(item), item);
    }
    return new Outcome(rebuild(next, "/Channel"), List.copyOf(policies));
  }

  /**
   * Applies the update in {@code envelope} as {@link #apply} does, and checks that the signatures
   * which verify satisfy every policy it must.
   *
   * @throws UsageException naming each policy left unsatisfied, what it asks, and who is still missing
   */
  public static Outcome applySigned(ConfigGroup current, ConfigUpdateEnvelope envelope) {
    ConfigUpdate update;
    try {
      update = ConfigUpdate.parseFrom(envelope.getConfigUpdate());
    } catch (InvalidProtocolBufferException e) {
      throw new UsageException("apply a config update: the envelope holds no readable update: " + e.getMessage(), e);
    }
    Outcome outcome = apply(current, update);
    List<ChannelPolicies.Signer> signers = new ArrayList<>();
    for (ConfigSignature signature : envelope.getSignaturesList()) {
      verified(signature, envelope.getConfigUpdate()).ifPresent(signers::add);
    }
    List<String> unmet = new ArrayList<>();
    for (String policy : outcome.policiesToSatisfy()) {
      ChannelPolicies.Verdict verdict = ChannelPolicies.evaluate(current, policy, signers);
      if (!verdict.satisfied()) {
        unmet.add(policy + ": " + verdict.explanation());
      }
    }
    if (!unmet.isEmpty()) {
      throw new UsageException("apply the config update of channel " + update.getChannelId() + ": " + signers.size() + " of "
          + envelope.getSignaturesCount() + " signatures verify, and they do not satisfy " + String.join("; ", unmet));
    }
    return outcome;
  }

  /** The signer of {@code signature}, when it is a certificate's signature of its header and the update. */
  private static Optional<ChannelPolicies.Signer> verified(ConfigSignature signature, ByteString update) {
    try {
      SerializedIdentity creator = SerializedIdentity.parseFrom(SignatureHeader.parseFrom(signature.getSignatureHeader()).getCreator());
      X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(creator.getIdBytes().toByteArray()));
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(certificate);
      verifier.update(signature.getSignatureHeader().concat(update).toByteArray());
      return verifier.verify(signature.getSignature().toByteArray())
          ? Optional.of(new ChannelPolicies.Signer(creator.getMspid(), certificate)) : Optional.empty();
    } catch (InvalidProtocolBufferException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** The full path of the policy that guards {@code item}: its mod policy, relative to its own group for a group, else to its group. */
  private static String policyPath(Item item) {
    String base = item.kind() == Kind.GROUP ? item.path() : item.group();
    return item.modPolicy().startsWith("/") ? item.modPolicy() : base + "/" + item.modPolicy();
  }

  private static String key(Item item) {
    return item.kind() + " " + item.path();
  }

  private static String describe(Item item) {
    return item.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + item.path();
  }

  private static Map<String, Item> flatten(String name, String parent, ConfigGroup group) {
    Map<String, Item> items = new LinkedHashMap<>();
    String path = parent + "/" + name;
    ConfigGroup members = ConfigGroup.newBuilder().putAllPolicies(group.getPoliciesMap()).putAllValues(group.getValuesMap())
        .putAllGroups(group.getGroupsMap()).build();
    Item self = new Item(Kind.GROUP, path, parent, group.getVersion(), group.getModPolicy(), null, members);
    items.put(key(self), self);
    group.getPoliciesMap().forEach((n, p) -> {
      Item item = new Item(Kind.POLICY, path + "/" + n, path, p.getVersion(), p.getModPolicy(), p, null);
      items.put(key(item), item);
    });
    group.getValuesMap().forEach((n, v) -> {
      Item item = new Item(Kind.VALUE, path + "/" + n, path, v.getVersion(), v.getModPolicy(), v, null);
      items.put(key(item), item);
    });
    group.getGroupsMap().forEach((n, g) -> items.putAll(flatten(n, path, g)));
    return items;
  }

  /** The group at {@code path} rebuilt from the items, with the members its own item names. */
  private static ConfigGroup rebuild(Map<String, Item> items, String path) {
    Item self = items.get(Kind.GROUP + " " + path);
    ConfigGroup.Builder group = ConfigGroup.newBuilder().setVersion(self.version()).setModPolicy(self.modPolicy());
    for (String name : new ArrayList<>(self.members().getPoliciesMap().keySet())) {
      group.putPolicies(name, (ConfigPolicy) items.get(Kind.POLICY + " " + path + "/" + name).message());
    }
    for (String name : new ArrayList<>(self.members().getValuesMap().keySet())) {
      group.putValues(name, (ConfigValue) items.get(Kind.VALUE + " " + path + "/" + name).message());
    }
    for (String name : new ArrayList<>(self.members().getGroupsMap().keySet())) {
      group.putGroups(name, rebuild(items, path + "/" + name));
    }
    return group.build();
  }
}
