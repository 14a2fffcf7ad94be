package org.packetpath.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/**
 * The table order at each hook, as the kernel registers the hooks (netfilter reference 1.1), and
 * the paths between the places (section 2.1).
 */
class PipelineTest {
  private static List<String> labels(Backend backend, Hook hook) {
    return Pipeline.of(backend).stages(hook).stream().map(Stage::label).toList();
  }

  @Test
  void preroutingRunsRawConntrackMangleThenNat() {
    assertEquals(
        List.of("raw:PREROUTING", "conntrack:PREROUTING", "mangle:PREROUTING", "nat:PREROUTING"),
        labels(Backend.NFT, Hook.PREROUTING));
  }

  @Test
  void nftRunsSecurityAfterNatOnInput() {
    assertEquals(
        List.of("mangle:INPUT", "filter:INPUT", "nat:INPUT", "security:INPUT", "confirm:INPUT"),
        labels(Backend.NFT, Hook.INPUT));
  }

  @Test
  void legacyRunsSecurityBeforeNatOnInput() {
    assertEquals(
        List.of("mangle:INPUT", "filter:INPUT", "security:INPUT", "nat:INPUT", "confirm:INPUT"),
        labels(Backend.LEGACY, Hook.INPUT));
  }

  @Test
  void outputAndPostrouting() {
    assertEquals(List.of(Table.RAW, Table.MANGLE, Table.NAT, Table.FILTER, Table.SECURITY),
        Pipeline.of(Backend.NFT).tables(Hook.OUTPUT));
    assertEquals(List.of("mangle:POSTROUTING", "nat:POSTROUTING", "confirm:POSTROUTING"),
        labels(Backend.NFT, Hook.POSTROUTING));
    assertEquals(List.of(Table.MANGLE, Table.FILTER, Table.SECURITY),
        Pipeline.of(Backend.LEGACY).tables(Hook.FORWARD));
  }

  @Test
  void theInputRouteLeadsToInputForwardOrDrop() {
    Pipeline p = Pipeline.of(Backend.NFT);
    assertEquals(Place.INPUT, p.next(Place.INPUT_ROUTE, Way.LOCAL));
    assertEquals(Place.FORWARD, p.next(Place.INPUT_ROUTE, Way.FORWARD));
    assertEquals(Place.DROP, p.next(Place.INPUT_ROUTE, Way.DROP));
    assertEquals("local", p.edge(Place.INPUT_ROUTE, Place.INPUT).orElseThrow().label());
    assertEquals(Place.INPUT_ROUTE, p.next(Place.PREROUTING, Way.ON));
    assertThrows(IllegalStateException.class, () -> p.next(Place.INPUT_ROUTE, Way.LOOP));
  }

  @Test
  void localPacketsAreRoutedBeforeOutputAndLoBringsThemBackIn() {
    Pipeline p = Pipeline.of(Backend.LEGACY);
    assertEquals(Place.OUTPUT_ROUTE, p.next(Place.LOCAL_PROCESS, Way.ON));
    assertEquals(Place.OUTPUT, p.next(Place.OUTPUT_ROUTE, Way.ON));
    assertEquals(Place.REROUTE, p.next(Place.OUTPUT, Way.REROUTE));
    assertEquals(Place.OUTPUT, p.next(Place.REROUTE, Way.ON));
    assertEquals(Place.DEPARTURE, p.next(Place.POSTROUTING, Way.OUT));
    assertEquals(Place.LOOPBACK, p.next(Place.POSTROUTING, Way.LOOP));
    assertEquals(Place.PREROUTING, p.next(Place.LOOPBACK, Way.ON));
  }

  @Test
  void everyHookAndRoutingDecisionCanDropAndNothingLeavesTheEnds() {
    Pipeline p = Pipeline.of(Backend.NFT);
    for (Place place : Place.values()) {
      boolean drops = place.kind() != Place.Kind.END;
      assertEquals(drops, p.edge(place, Place.DROP).isPresent(), place.name());
      assertTrue(p.has(place), place.name());
    }
    assertEquals(List.of(), p.from(Place.DEPARTURE));
    assertEquals(List.of(), p.from(Place.DROP));
  }

  @Test
  void withoutAHookWhatLedToItLeadsPastIt() {
    Pipeline p = Pipeline.of(Backend.NFT).without(Hook.FORWARD);
    assertFalse(p.has(Place.FORWARD));
    assertEquals(Place.POSTROUTING, p.next(Place.INPUT_ROUTE, Way.FORWARD));
    assertEquals("forward", p.edge(Place.INPUT_ROUTE, Place.POSTROUTING).orElseThrow().label());
    assertEquals(List.of(), p.stages(Hook.FORWARD));
    assertEquals(Pipeline.of(Backend.NFT).stages(Hook.INPUT), p.stages(Hook.INPUT));
    assertTrue(Pipeline.of(Backend.NFT).has(Place.FORWARD), "the kernel's pipeline is unchanged");
  }
}
