package io.chainwright.fabric.channel;

import com.google.protobuf.ByteString;
import io.chainwright.api.UsageException;
import io.chainwright.fabric.client.FabricIdentity;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigSignature;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.ConfigValue;

/**
 * The config update that turns a channel's current config into a changed one, in Java, without
 * configtxlator. As {@code common.ConfigUpdate} documents it, the read set lists, by version only,
 * what the change rests on, and the write set what it writes: a changed element at its version plus
 * one, a new one at version zero, and a group whose members were added or removed at its version
 * plus one with all its members. Unchanged elements are left out, unless their group changed.
 *
 * <pre>{@code
 * ConfigGroup changed = current.toBuilder()...build();   // e.g. a new BatchSize value
 * ConfigUpdate update = ConfigUpdates.compute("trade", current, changed);
 * }</pre>
 */
public final class ConfigUpdates {
  private ConfigUpdates() {}

  /**
   * The update from {@code current} to {@code changed}, both a channel's root group.
   *
   * @throws UsageException when they do not differ
   */
  public static ConfigUpdate compute(String channelId, ConfigGroup current, ConfigGroup changed) {
    Delta delta = group(current, changed);
    if (!delta.changed()) {
      throw new UsageException("compute a config update for channel " + channelId + ": the changed config is the same as the current one");
    }
    return ConfigUpdate.newBuilder().setChannelId(channelId).setReadSet(delta.read()).setWriteSet(delta.write()).build();
  }

  /**
   * {@code update} in the envelope an orderer takes, with a signature of each of {@code signers}:
   * over the concatenation of its signature header (its serialized identity and a fresh nonce) and
   * the update's bytes, as {@code common.ConfigSignature} documents it.
   */
  public static ConfigUpdateEnvelope sign(ConfigUpdate update, List<FabricIdentity> signers) {
    ByteString bytes = update.toByteString();
    ConfigUpdateEnvelope.Builder envelope = ConfigUpdateEnvelope.newBuilder().setConfigUpdate(bytes);
    for (FabricIdentity signer : signers) {
      ByteString header = signer.newSignatureHeader().toByteString();
      try {
        byte[] signature = signer.signer().sign(Hash.sha256(header.concat(bytes).toByteArray()));
        envelope.addSignatures(ConfigSignature.newBuilder().setSignatureHeader(header).setSignature(ByteString.copyFrom(signature)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot sign the config update of " + update.getChannelId() + " as " + signer.mspId()
            + ": " + e.getMessage(), e);
      }
    }
    return envelope.build();
  }

  /** A group's read and write sets, and whether anything in it changed. */
  private record Delta(ConfigGroup read, ConfigGroup write, boolean changed) {}

  private static Delta group(ConfigGroup current, ConfigGroup changed) {
    Map<String, ConfigPolicy> readPolicies = new TreeMap<>();
    Map<String, ConfigPolicy> writePolicies = new TreeMap<>();
    Map<String, ConfigPolicy> samePolicies = new TreeMap<>();
    boolean membersChanged = !current.getPoliciesMap().keySet().equals(changed.getPoliciesMap().keySet());
    changed.getPoliciesMap().forEach((name, policy) -> {
      ConfigPolicy was = current.getPoliciesMap().get(name);
      if (was == null) {
        writePolicies.put(name, policy.toBuilder().setVersion(0).build());
      } else if (was.getModPolicy().equals(policy.getModPolicy()) && was.getPolicy().equals(policy.getPolicy())) {
        samePolicies.put(name, ConfigPolicy.newBuilder().setVersion(was.getVersion()).build());
      } else {
        writePolicies.put(name, policy.toBuilder().setVersion(was.getVersion() + 1).build());
      }
    });
    Map<String, ConfigValue> readValues = new TreeMap<>();
    Map<String, ConfigValue> writeValues = new TreeMap<>();
    Map<String, ConfigValue> sameValues = new TreeMap<>();
    membersChanged |= !current.getValuesMap().keySet().equals(changed.getValuesMap().keySet());
    changed.getValuesMap().forEach((name, value) -> {
      ConfigValue was = current.getValuesMap().get(name);
      if (was == null) {
        writeValues.put(name, value.toBuilder().setVersion(0).build());
      } else if (was.getModPolicy().equals(value.getModPolicy()) && was.getValue().equals(value.getValue())) {
        sameValues.put(name, ConfigValue.newBuilder().setVersion(was.getVersion()).build());
      } else {
        writeValues.put(name, value.toBuilder().setVersion(was.getVersion() + 1).build());
      }
    });
    Map<String, ConfigGroup> readGroups = new TreeMap<>();
    Map<String, ConfigGroup> writeGroups = new TreeMap<>();
    Map<String, ConfigGroup> sameGroups = new TreeMap<>();
    membersChanged |= !current.getGroupsMap().keySet().equals(changed.getGroupsMap().keySet());
    for (Map.Entry<String, ConfigGroup> entry : changed.getGroupsMap().entrySet()) {
      ConfigGroup was = current.getGroupsMap().get(entry.getKey());
      if (was == null) {
        // A new group is written whole, at version zero, and so is everything in it.
        ConfigGroup written = group(ConfigGroup.getDefaultInstance(), entry.getValue()).write();
        writeGroups.put(entry.getKey(), written.toBuilder().setVersion(0).setModPolicy(entry.getValue().getModPolicy()).build());
        continue;
      }
      Delta child = group(was, entry.getValue());
      if (child.changed()) {
        readGroups.put(entry.getKey(), child.read());
        writeGroups.put(entry.getKey(), child.write());
      } else {
        sameGroups.put(entry.getKey(), child.read());
      }
    }
    boolean anyChange = !(readPolicies.isEmpty() && writePolicies.isEmpty() && readValues.isEmpty() && writeValues.isEmpty()
        && readGroups.isEmpty() && writeGroups.isEmpty());
    if (!membersChanged && current.getModPolicy().equals(changed.getModPolicy())) {
      // The group itself stays at its version; only what changed inside it is read and written.
      ConfigGroup read = ConfigGroup.newBuilder().setVersion(current.getVersion())
          .putAllPolicies(readPolicies).putAllValues(readValues).putAllGroups(readGroups).build();
      ConfigGroup write = ConfigGroup.newBuilder().setVersion(current.getVersion())
          .putAllPolicies(writePolicies).putAllValues(writeValues).putAllGroups(writeGroups).build();
      return new Delta(read, write, anyChange);
    }
    // The group's membership or mod policy changed: it is written at its next version with all its members.
    readPolicies.putAll(samePolicies);
    writePolicies.putAll(samePolicies);
    readValues.putAll(sameValues);
    writeValues.putAll(sameValues);
    readGroups.putAll(sameGroups);
    writeGroups.putAll(sameGroups);
    ConfigGroup read = ConfigGroup.newBuilder().setVersion(current.getVersion())
        .putAllPolicies(readPolicies).putAllValues(readValues).putAllGroups(readGroups).build();
    ConfigGroup write = ConfigGroup.newBuilder().setVersion(current.getVersion() + 1).setModPolicy(changed.getModPolicy())
        .putAllPolicies(writePolicies).putAllValues(writeValues).putAllGroups(writeGroups).build();
    return new Delta(read, write, true);
  }
}
