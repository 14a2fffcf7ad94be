package org.packetpath.engine.topology;

import static org.packetpath.engine.topology.AddressValues.addressAndPrefix;
import static org.packetpath.engine.topology.AddressValues.network;
import static org.packetpath.engine.topology.AddressValues.validName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.yaml.YamlFile;
import org.packetpath.engine.yaml.YamlNode;
import org.packetpath.engine.yaml.YamlNode.Entry;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;

/**
 * Reads the {@code hosts:}, {@code networks:} and {@code sets:} of a topology file, after its
 * interfaces, which they lie behind. Not thread-safe; one per file.
 */
final class NameReader {
  private static final int HASH_IP_MAX = 65536;

  private final YamlFile file;
  private final String firewall;
  private final InterfaceReader interfaces;
  private final List<NamedNetwork> names = new ArrayList<>();
  private final Map<String, SourcePosition> namePositions = new HashMap<>();
  private final List<AddressSet> sets = new ArrayList<>();

  /** A reader for names around {@code firewall}, or "" if its name was refused. */
  NameReader(YamlFile file, String firewall, InterfaceReader interfaces) {
    this.file = file;
    this.firewall = firewall;
    this.interfaces = interfaces;
  }

  /** The hosts and networks read without error, in file order. */
  List<NamedNetwork> names() {
    return names;
  }

  /** Where each host's or network's name is written. */
  Map<String, SourcePosition> namePositions() {
    return namePositions;
  }

  List<AddressSet> sets() {
    return sets;
  }

  /** Reads the hosts ({@code hosts}) or networks of one section. */
  void readNames(Mapping section, boolean hosts) {
    for (Entry entry : section.entries()) {
      Scalar key = entry.key();
      boolean nameOk = validName(file, key, "name");
      if (nameOk && key.value().equals(firewall)) {
        file.error(key.position(), "name \"" + key.value() + "\" is the firewall's name",
            key.value() + " already stands for the firewall itself; choose another name");
        nameOk = false;
      } else if (nameOk && namePositions.containsKey(key.value())) {
        file.error(key.position(), "name \"" + key.value() + "\" is already used on line "
            + namePositions.get(key.value()).line(), "hosts and networks share one set of names");
        nameOk = false;
      } else if (nameOk) {
        namePositions.put(key.value(), key.position());
      }
      String example = hosts ? "pc1: {address: 10.0.0.2, interface: lan0}"
          : "lan: {network: 10.0.0.0/24, interface: lan0}";
      Optional<Mapping> found = file.mapping(entry.value(), (hosts ? "a host" : "a network"),
          "give its keys, like " + example);
      if (found.isEmpty()) {
        continue;
      }
      int errors = file.errorCount();
      String name = nameOk ? key.value() : "";
      Optional<NamedNetwork> named = hosts ? readHost(name, found.get())
          : readNetwork(name, found.get());
      if (file.errorCount() == errors) {
        named.ifPresent(names::add);
      }
    }
  }

  /** A host's entry, checked; built only if {@code name} is not empty (not already refused). */
  private Optional<NamedNetwork> readHost(String name, Mapping m) {
    file.checkKeys(m, List.of("address", "interface"), "of a host");
    Optional<Integer> address = file.value(m, "address", true, "give the host's address, like"
        + " address: 10.0.0.2").flatMap(this::hostAddress);
    Optional<String> behind = behind(m);
    if (name.isEmpty() || address.isEmpty() || behind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(NamedNetwork.host(name, address.get(), behind.get()));
  }

  private Optional<Integer> hostAddress(Scalar s) {
    Optional<int[]> parsed = addressAndPrefix(file, s, false);
    if (parsed.isPresent() && parsed.get()[1] != 32) {
      file.error(s.position(), "invalid host address \"" + s.value() + "\"",
          "a host is a single address, like 10.0.0.2; put networks under networks:");
      return Optional.empty();
    }
    return parsed.map(a -> a[0]).filter(a -> notOwnAddress(s, a));
  }

  /** A network's entry, checked; built only if {@code name} is not empty. */
  private Optional<NamedNetwork> readNetwork(String name, Mapping m) {
    file.checkKeys(m, List.of("network", "interface", "sample"), "of a network");
    Optional<Network> network = file.value(m, "network", true, "give the network, like"
        + " network: 10.0.0.0/24").flatMap(s -> network(file, s, true, ""));
    Optional<String> behind = behind(m);
    Optional<Scalar> sampleText = file.value(m, "sample", false, "");
    Optional<Integer> sample = sampleText.flatMap(this::hostAddress);
    if (name.isEmpty() || network.isEmpty() || behind.isEmpty()
        || sampleText.isPresent() && sample.isEmpty()) {
      return Optional.empty();
    }
    if (sample.isPresent() && !network.get().contains(sample.get())) {
      file.error(sampleText.get().position(), "sample " + sampleText.get().value() + " is not in "
          + network.get(), "the sample stands for the network in packets, so it must lie in it");
      return Optional.empty();
    }
    return Optional.of(new NamedNetwork(name, network.get(), behind.get(), sample));
  }

  private Optional<String> behind(Mapping m) {
    return file.value(m, "interface", true, "say which interface of the firewall it lies behind,"
        + " like interface: lan0").filter(s -> interfaces.knownInterface(s, false))
        .map(Scalar::value);
  }

  private boolean notOwnAddress(Scalar s, int address) {
    Optional<Interface> own = interfaces.ownAddress(address);
    own.ifPresent(i -> file.error(s.position(), Ipv4.format(address) + " is the firewall's own"
        + " address", "write " + (firewall.isEmpty() ? "the firewall's name" : firewall + "."
        + i.name()) + " to mean the firewall"));
    return own.isEmpty();
  }

  void readSets(Mapping section) {
    for (Entry entry : section.entries()) {
      Scalar key = entry.key();
      boolean nameOk;
      if (key.value().length() > AddressSet.MAX_NAME) {
        file.error(key.position(), "set name \"" + key.value() + "\" is too long",
            "ipset names have at most 31 characters");
        nameOk = false;
      } else {
        nameOk = validName(file, key, "set name");
      }
      Optional<Mapping> found = file.mapping(entry.value(), "a set",
          "give its keys, like blocklist: {type: hash:ip, members: [192.0.2.66]}");
      if (found.isEmpty()) {
        continue;
      }
      Mapping m = found.get();
      int errors = file.errorCount();
      file.checkKeys(m, List.of("type", "members"), "of a set");
      Optional<AddressSet.Type> type = file.value(m, "type", true, "give the set's type, hash:ip"
          + " or hash:net").flatMap(this::setType);
      List<Network> members = new ArrayList<>();
      file.list(m, "members", false, "").ifPresent(list -> type.ifPresent(t ->
          list.items().forEach(item -> member(item, t, members))));
      if (nameOk && file.errorCount() == errors) {
        sets.add(new AddressSet(key.value(), type.get(), members));
      }
    }
  }

  private Optional<AddressSet.Type> setType(Scalar s) {
    Optional<AddressSet.Type> type = AddressSet.Type.of(s.value());
    if (type.isEmpty()) {
      file.error(s.position(), "unknown set type \"" + s.value() + "\"",
          Suggest.closest(s.value(), List.of("hash:ip", "hash:net")).map(c -> "did you mean " + c
              + "? ").orElse("") + "the types are hash:ip (addresses) and hash:net (networks)");
    }
    return type;
  }

  private void member(YamlNode item, AddressSet.Type type, List<Network> members) {
    Optional<Scalar> found = file.value(item, "a set member", "write one address per item");
    if (found.isEmpty()) {
      return;
    }
    Scalar s = found.get();
    String text = s.value();
    int slash = text.indexOf('/');
    if (Ipv4.parse(slash < 0 ? text : text.substring(0, slash)).isEmpty()) {
      Optional<NamedNetwork> named = names.stream().filter(n -> n.name().equals(text)).findFirst();
      file.error(s.position(), "set member \"" + text + "\" is not an address", named.map(n ->
          "write " + text + "'s " + (n.isHost() ? "address, " + Ipv4.format(n.network()
              .address()) : "network, " + n.network())).orElse(AddressValues.ADDRESS_HINT));
      return;
    }
    Optional<int[]> parsed = addressAndPrefix(file, s, false);
    if (parsed.isEmpty()) {
      return;
    }
    Network network = Network.of(parsed.get()[0], parsed.get()[1]);
    if (network.address() != parsed.get()[0]) {
      file.warning(s.position(), "set member " + text + " is stored as " + network,
          "ipset keeps only the network; write " + network + " to say what you mean");
    }
    long held = members.stream().mapToLong(Network::size).sum() + network.size();
    if (type == AddressSet.Type.HASH_NET && network.prefix() == 0) {
      file.error(s.position(), "hash:net cannot hold " + network, "ipset would say \"The value of"
          + " the CIDR parameter of the IP address is invalid\"; a rule without the set matches"
          + " all");
    } else if (type == AddressSet.Type.HASH_IP && network.address() == 0) {
      file.error(s.position(), "hash:ip cannot hold " + text, "ipset would say \"Null-valued"
          + " element, cannot be stored in a hash type of set\"");
    } else if (type == AddressSet.Type.HASH_IP && held > HASH_IP_MAX) {
      file.error(s.position(), "too many addresses for a hash:ip set", "a hash:ip set holds at"
          + " most 65536 addresses (ipset: \"Hash is full\"); use type: hash:net for networks");
    } else if (members.contains(network)) {
      file.error(s.position(), "set member " + network + " is already in the set",
          "ipset would say \"Element cannot be added to the set: it's already added\"");
    } else {
      members.add(network);
    }
  }
}
