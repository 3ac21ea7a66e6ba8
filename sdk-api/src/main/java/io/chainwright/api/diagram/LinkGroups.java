package io.chainwright.api.diagram;

import io.chainwright.api.diagram.Connections.Link;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds links into links to and from whole groups, so that a picture of a consortium shows
 * "org1 reaches the orderers" once rather than once per peer and orderer.
 *
 * <ul>
 *   <li>A workload that reaches, on a port, every member of another group offering that port (two
 *       at least) reaches the group.
 *   <li>When every member of a group that reaches anything (two at least) reaches the same end
 *       outside the group, the group reaches it.
 * </ul>
 * A group never links to itself; links inside a group stay as they are.
 */
final class LinkGroups {
  /** The prefix of an end that stands for a whole group. */
  static final String GROUP = "group:";

  private LinkGroups() {}

  /**
   * {@code links} between workloads, folded over {@code members} (group name to its workloads, in
   * order); {@code ports} gives each workload's port names.
   */
  static Set<Link> fold(Set<Link> links, Map<String, List<String>> members, Map<String, Set<String>> ports) {
    Set<Link> out = new TreeSet<>(links);
    members.forEach((group, names) -> foldTargets(out, group, names, ports));
    members.forEach((group, names) -> foldSources(out, group, names));
    return out;
  }

  private static void foldTargets(Set<Link> links, String group, List<String> names, Map<String, Set<String>> ports) {
    Set<List<String>> candidates = new LinkedHashSet<>();
    links.stream().filter(l -> !names.contains(l.from()) && names.contains(l.to()))
        .forEach(l -> candidates.add(List.of(l.from(), l.port())));
    for (List<String> fromAndPort : candidates) {
      String from = fromAndPort.get(0);
      String port = fromAndPort.get(1);
      List<Link> each = names.stream().filter(n -> ports.getOrDefault(n, Set.of()).contains(port))
          .map(n -> new Link(from, n, port)).toList();
      if (each.size() > 1 && links.containsAll(each)) {
        each.forEach(links::remove);
        links.add(new Link(from, GROUP + group, port));
      }
    }
  }

  private static void foldSources(Set<Link> links, String group, List<String> names) {
    List<String> talkers = names.stream().filter(n -> links.stream().anyMatch(l -> l.from().equals(n))).toList();
    if (talkers.size() < 2) {
      return;
    }
    Set<List<String>> candidates = new LinkedHashSet<>();
    links.stream().filter(l -> talkers.contains(l.from()) && !names.contains(l.to()) && !l.to().equals(GROUP + group))
        .forEach(l -> candidates.add(List.of(l.to(), l.port())));
    for (List<String> toAndPort : candidates) {
      List<Link> each = talkers.stream().map(n -> new Link(n, toAndPort.get(0), toAndPort.get(1))).toList();
      if (links.containsAll(each)) {
        each.forEach(links::remove);
        links.add(new Link(GROUP + group, toAndPort.get(0), toAndPort.get(1)));
      }
    }
  }
}
