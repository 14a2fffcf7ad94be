package org.packetpath.engine.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service names as the C library resolves them for iptables: from {@code /etc/services}, the
 * file {@code getservbyname} and {@code getaddrinfo} read, so that a name means here what it
 * means to iptables on the same machine. Where the file cannot be read, a built-in table of the
 * common names stands in, its names valid for tcp and udp alike.
 */
public final class Services {
  /** The services of the running machine. */
  private static final Services SYSTEM = read(Path.of("/etc/services"));

  private static final String BUILT_IN =
      "tcpmux 1 echo 7 discard 9 systat 11 daytime 13 netstat 15 qotd 17 chargen 19"
          + " ftp-data 20 ftp 21 ssh 22 telnet 23 smtp 25 time 37 whois 43 tacacs 49"
          + " domain 53 gopher 70 finger 79 http 80 www 80 kerberos 88 iso-tsap 102"
          + " acr-nema 104 pop3 110 sunrpc 111 auth 113 nntp 119 ntp 123 epmap 135"
          + " netbios-ns 137 netbios-dgm 138 netbios-ssn 139 imap2 143 imap 143 snmp 161"
          + " snmp-trap 162 bgp 179 irc 194 ldap 389 https 443 microsoft-ds 445 kpasswd 464"
          + " isakmp 500 submissions 465 exec 512 login 513 shell 514 syslog 514 printer 515"
          + " tftp 69 bootps 67 bootpc 68 rtsp 554 submission 587 ipp 631 ldaps 636"
          + " rsync 873 ftps-data 989 ftps 990 telnets 992 imaps 993 pop3s 995 socks 1080"
          + " openvpn 1194 ms-sql-s 1433 ms-sql-m 1434 pptp 1723 radius 1812 radius-acct 1813"
          + " nfs 2049 mysql 3306 ms-wbt-server 3389 svn 3690 sip 5060 sip-tls 5061"
          + " postgresql 5432 x11 6000 ircd 6667 http-alt 8080 webcache 8080 ipsec-nat-t 4500"
          + " nameserver 42 xmpp-client 5222 xmpp-server 5269"
          + " amqp 5672 redis 6379 git 9418 zabbix-agent 10050 zabbix-trapper 10051"
          + " mdns 5353 llmnr 5355 domain-s 853 kerberos-adm 749 puppet 8140 hkp 11371";

  /** Each name and alias, with its port, in the order of the file (the first entry wins). */
  private final Map<String, Integer> byName;
  /** Each {@code name/protocol} of a name or alias, with its port; the first entry wins. */
  private final Map<String, Integer> byNameAndProtocol;

  private Services(Map<String, Integer> byName, Map<String, Integer> byNameAndProtocol) {
    this.byName = byName;
    this.byNameAndProtocol = byNameAndProtocol;
  }

  /**
   * The port of a service name (exact case) for {@code protocol} ({@code "tcp"}, {@code "udp"}
   * ...), as {@code getservbyname(name, protocol)} finds it: the first entry of the file for that
   * protocol whose name or alias is {@code name}; empty when there is none.
   */
  public static Optional<Integer> port(String name, String protocol) {
    return SYSTEM.lookup(name, protocol);
  }

  /** The port of {@code name} for {@code protocol} in these services, or empty. */
  Optional<Integer> lookup(String name, String protocol) {
    return Optional.ofNullable(byNameAndProtocol.get(name + "/" + protocol));
  }

  /** The port of a service name (exact case) for any protocol, or empty. */
  public static Optional<Integer> port(String name) {
    return SYSTEM.lookup(name);
  }

  /** The port of {@code name} in these services, or empty. */
  Optional<Integer> lookup(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The services in {@code file}, in the format of {@code services(5)}: {@code name
   * port/protocol aliases... # comment}; the built-in table when the file cannot be read.
   */
  static Services read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return builtIn();
    }
    Map<String, Integer> byName = new HashMap<>();
    Map<String, Integer> byNameAndProtocol = new HashMap<>();
    for (String line : lines) {
      int hash = line.indexOf('#');
      String[] words = (hash < 0 ? line : line.substring(0, hash)).trim().split("[ \t]+");
      int slash = words.length < 2 ? -1 : words[1].indexOf('/');
      if (slash <= 0) {
        continue;
      }
      Optional<Integer> port = decimalPort(words[1].substring(0, slash));
      if (port.isEmpty()) {
        continue;
      }
      String protocol = words[1].substring(slash + 1);
      for (int i = 0; i < words.length; i++) {
        if (i != 1) {
          byName.putIfAbsent(words[i], port.get());
          byNameAndProtocol.putIfAbsent(words[i] + "/" + protocol, port.get());
        }
      }
    }
    return new Services(byName, byNameAndProtocol);
  }

  private static Optional<Integer> decimalPort(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int port = Integer.parseInt(text);
    return port <= 65535 ? Optional.of(port) : Optional.empty();
  }

  private static Services builtIn() {
    Map<String, Integer> byName = new HashMap<>();
    Map<String, Integer> byNameAndProtocol = new HashMap<>();
    String[] words = BUILT_IN.split(" ");
    for (int i = 0; i < words.length; i += 2) {
      int port = Integer.parseInt(words[i + 1]);
      byName.putIfAbsent(words[i], port);
      byNameAndProtocol.putIfAbsent(words[i] + "/tcp", port);
      byNameAndProtocol.putIfAbsent(words[i] + "/udp", port);
    }
    return new Services(byName, byNameAndProtocol);
  }
}
