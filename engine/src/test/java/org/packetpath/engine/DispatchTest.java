package org.packetpath.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.pipeline.Place;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Policy;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.topology.Network;
import org.packetpath.engine.topology.Route;
import org.packetpath.engine.trace.DropReason;
import org.packetpath.engine.trace.RouteDecision;
import org.packetpath.engine.trace.Step;

/**
 * Each sealed model type maps every variant to the visitor method for that variant: a
 * variant missing from its {@code accept} would reach an interpreter as an AssertionError.
 */
class DispatchTest {
  private static final Packet PACKET = Packet.udp(0x0a000001, 1000, 0x0a000002, 53);
  private static final Route ROUTE = new Route(Network.ANY, Optional.empty(), "eth0");

  @Test
  void everyConditionReachesItsOwnVisitorMethod() {
    Condition.StandIn fixed = new Condition.Fixed(true);
    assertDispatch(Condition.class, Condition.Visitor.class, Condition::accept, List.of(
        new Condition.All(List.of()), new Condition.Any(List.of()),
        new Condition.Not(Condition.TRUE),
        new Condition.FieldIn(Field.SOURCE, IntervalSet.MAX, IntervalSet.of(1)),
        new Condition.TcpFlags(2, 2),
        new Condition.Iface(Condition.Direction.IN, "eth0"),
        new Condition.CtStates(Set.of(CtState.NEW)),
        new Condition.CtStatus(Set.of()), new Condition.CtDirection(true),
        new Condition.HasConnection(), new Condition.InSet("s", List.of(Condition.Side.SOURCE)),
        new Condition.AddressType(Condition.Side.SOURCE, Set.of(), Optional.empty()),
        new Condition.PacketType(Condition.LinkType.UNICAST),
        new Condition.ReversePath(false, false, false), new Condition.LocalSocket(),
        new Condition.MacSource("00:00:00:00:00:01"),
        new Condition.Opaque("limit", "a rate", fixed)));
  }

  @Test
  void everyActionReachesItsOwnVisitorMethod() {
    assertDispatch(Action.class, Action.Visitor.class, Action::accept, List.of(
        new Action.Accept(), new Action.Drop(), new Action.Return(), new Action.Jump("c"),
        new Action.Goto("c"), new Action.Reject(Action.RejectWith.TCP_RESET),
        new Action.Nat(Action.NatKind.MASQUERADE, Optional.empty(), Optional.empty(), false,
            false),
        new Action.Netmap(0, 8), new Action.SetMark(1, 1),
        new Action.ConnMark(Action.ConnMarkOp.values()[0], 0, 0, 0, 0), new Action.NoTrack(),
        new Action.Log(false, ""), new Action.Queue(false),
        new Action.Continue("TRACE", "traces", false),
        Action.Rewrite.set(Action.Header.TTL, 5),
        new Action.HashMark(0, 0, 0, 0, 0, 0, 1, 0, false), new Action.Synproxy(),
        new Action.Tproxy(0, 0, 0, 0)));
  }

  @Test
  void everyStepReachesItsOwnVisitorMethod() {
    assertDispatch(Step.class, Step.Visitor.class, Step::accept, List.of(
        Step.Entered.of(Place.PREROUTING),
        new Step.ChainEntered(Hook.INPUT, Table.FILTER, "INPUT", PACKET),
        new Step.RuleChecked(Hook.INPUT, Table.FILTER, "INPUT", 1, false, Optional.empty(), ""),
        new Step.PolicyApplied(Hook.INPUT, Table.FILTER, "INPUT", Policy.ACCEPT),
        new Step.Returned(Table.FILTER, "c", "INPUT"),
        Step.Routed.at(Place.INPUT_ROUTE, new RouteDecision.Loopback(1)),
        new Step.Tracked(CtState.NEW, Optional.empty()),
        new Step.NatApplied(Hook.PREROUTING, PACKET, PACKET, "destination NAT"),
        new Step.Note("n")));
  }

  @Test
  void everyRouteDecisionReachesItsOwnVisitorMethod() {
    assertDispatch(RouteDecision.class, RouteDecision.Visitor.class, RouteDecision::accept,
        List.of(new RouteDecision.Local(1, true), new RouteDecision.Forward(ROUTE),
            new RouteDecision.Out(ROUTE), new RouteDecision.Loopback(1),
            new RouteDecision.Dropped(DropReason.NO_ROUTE, PACKET, Optional.empty(), 0)));
  }

  /**
   * Checks that {@code samples} hold one value of every variant {@code type} permits, and that
   * accepting a visitor calls the visitor method whose parameter is that variant.
   */
  private static <T, V> void assertDispatch(Class<T> type, Class<V> visitorType,
      BiFunction<T, V, Object> accept, List<? extends T> samples) {
    assertEquals(variants(type), samples.stream().map(Object::getClass)
        .collect(Collectors.toSet()), "one sample of each variant");
    for (T sample : samples) {
      Object visitor = Proxy.newProxyInstance(visitorType.getClassLoader(),
          new Class<?>[] {visitorType}, (proxy, method, args) -> method);
      Method called = (Method) accept.apply(sample, visitorType.cast(visitor));
      assertEquals(sample.getClass(), called.getParameterTypes()[0], sample + " went to "
          + called.getName());
    }
  }

  private static Set<Class<?>> variants(Class<?> type) {
    return Arrays.stream(type.getPermittedSubclasses()).collect(Collectors.toSet());
  }
}
