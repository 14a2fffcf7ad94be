iptables -N 'x y'
iptables -A INPUT -j 'x y'
