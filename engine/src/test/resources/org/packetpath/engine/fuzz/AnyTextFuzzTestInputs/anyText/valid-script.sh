#!/bin/sh
set -e
iptables -P INPUT DROP
iptables -N LAN
iptables -A INPUT -i lo -j ACCEPT
iptables -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
sudo iptables -A INPUT -p tcp --dport 22 -m comment --comment 'ssh from lan' -j LAN
iptables -A LAN -s 10.0.0.0/8,192.168.0.0/16 \
  -j ACCEPT
iptables -I LAN 1 -p udp ! --sport 53 -j DROP
iptables -t nat -A POSTROUTING -o wan0 -j RETURN
