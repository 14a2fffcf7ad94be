package org.packetpath.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;

/** The table order at each hook, as the kernel registers the hooks (netfilter reference 1.1). */
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
}
