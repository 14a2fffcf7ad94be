iptables -A INPUT -i '' -j ACCEPT
