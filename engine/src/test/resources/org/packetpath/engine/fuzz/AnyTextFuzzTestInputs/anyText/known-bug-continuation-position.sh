iptables -A INPUT \
  -p tcp --dprot 22
