package io.chainwright.api.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.diagram.Connections.Link;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When links become a group's, and when they stay each workload's own. */
class LinkGroupsTest {
  private static final Map<String, List<String>> ORGS = Map.of(
      "ord", List.of("ord-ca", "o0", "o1"),
      "org1", List.of("org1-ca", "p0", "p1"));
  private static final Map<String, Set<String>> PORTS = Map.of(
      "ord-ca", Set.of("ca"), "o0", Set.of("grpc"), "o1", Set.of("grpc"),
      "org1-ca", Set.of("ca"), "p0", Set.of("grpc"), "p1", Set.of("grpc"), "client", Set.of());

  @Test
  void reachingEveryMemberThatOffersThePortIsReachingTheGroupWhateverOthersOffer() {
    Set<Link> folded = LinkGroups.fold(Set.of(new Link("client", "o0", "grpc"), new Link("client", "o1", "grpc")), ORGS, PORTS);

    assertThat(folded).containsExactly(new Link("client", "group:ord", "grpc"));
  }

  @Test
  void reachingSomeMembersStaysWithThoseMembers() {
    Set<Link> links = Set.of(new Link("client", "o0", "grpc"));

    assertThat(LinkGroups.fold(links, ORGS, PORTS)).containsExactlyElementsOf(links);
  }

  @Test
  void aGroupReachesWhatAllItsTalkingMembersReachAndNeverItself() {
    Set<Link> links = Set.of(
        new Link("p0", "o0", "grpc"), new Link("p0", "o1", "grpc"), new Link("p1", "o0", "grpc"), new Link("p1", "o1", "grpc"),
        new Link("p0", "p1", "grpc"), new Link("p1", "p0", "grpc"));

    assertThat(LinkGroups.fold(links, ORGS, PORTS)).containsExactlyInAnyOrder(
        new Link("group:org1", "group:ord", "grpc"), new Link("p0", "p1", "grpc"), new Link("p1", "p0", "grpc"));
  }

  @Test
  void aSingleTalkingMemberKeepsItsOwnArrow() {
    Set<Link> links = Set.of(new Link("p0", "o0", "grpc"), new Link("p0", "o1", "grpc"));

    assertThat(LinkGroups.fold(links, ORGS, PORTS)).containsExactly(new Link("p0", "group:ord", "grpc"));
  }
}
