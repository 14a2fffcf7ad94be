package org.packetpath.engine.net;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Well-known TCP/UDP service names, as {@code getservbyname} resolves them for iptables. */
public final class Services {
  private Services() {}

  private static final String TABLE =
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
          + " ntp 123 snmp 161 nameserver 42 bootps 67 xmpp-client 5222 xmpp-server 5269"
          + " amqp 5672 redis 6379 git 9418 zabbix-agent 10050 zabbix-trapper 10051"
          + " mdns 5353 llmnr 5355 domain-s 853 kerberos-adm 749 puppet 8140 hkp 11371";

  private static final Map<String, Integer> BY_NAME = new HashMap<>();

  static {
    String[] words = TABLE.split(" ");
    for (int i = 0; i < words.length; i += 2) {
      BY_NAME.put(words[i], Integer.parseInt(words[i + 1]));
    }
  }

  /** The port of a service name (exact case), or empty. */
  public static Optional<Integer> port(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
