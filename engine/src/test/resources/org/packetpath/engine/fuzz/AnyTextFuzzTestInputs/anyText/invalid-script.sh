iptables -A INPUT -p tcp --dprot 22 -j ACCEPT
iptables -A INPUT -s $LAN -j ACCEPT
echo done
iptables -A NOCHAIN -j DROP
iptables -A INPUT -p tcp ! ! --dport 22
iptables -A INPUT -j LOG --log-prefix "unterminated
