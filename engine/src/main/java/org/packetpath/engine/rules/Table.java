package org.packetpath.engine.rules;

import java.util.List;
import java.util.Optional;

/** The five iptables tables and the hooks each one has a built-in chain at. */
public enum Table {
  RAW(List.of(Hook.PREROUTING, Hook.OUTPUT)),
  MANGLE(List.of(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD, Hook.OUTPUT, Hook.POSTROUTING)),
  NAT(List.of(Hook.PREROUTING, Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING)),
  FILTER(List.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT)),
  SECURITY(List.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT));

  private final List<Hook> builtinHooks;

  Table(List<Hook> builtinHooks) {
    this.builtinHooks = builtinHooks;
  }

  /** The name used in {@code *filter} lines and {@code -t filter}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The hooks this table has built-in chains at, in the order iptables-save lists them. */
  public List<Hook> builtinHooks() {
    return builtinHooks;
  }

  /** Whether {@code chain} names a built-in chain of this table. */
  public boolean isBuiltin(String chain) {
    return builtinHook(chain).isPresent();
  }

  /** The hook of the built-in chain {@code chain}, or empty for a user-defined chain. */
  public Optional<Hook> builtinHook(String chain) {
    for (Hook hook : builtinHooks) {
      if (hook.name().equals(chain)) {
        return Optional.of(hook);
      }
    }
    return Optional.empty();
  }

  /** The table called {@code label} ({@code "nat"}), or empty. */
  public static Optional<Table> byLabel(String label) {
    for (Table table : values()) {
      if (table.label().equals(label)) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }
}
