#!/bin/bash
# clouddemo iaas demo: cloud-init runs this once, as root, at the instance's first boot.
# It writes the demo page (clouddemo puts the source folder's index.html in place of
# __CLOUDDEMO_INDEX_HTML__) and serves it on port 80 with Python's built-in web server, kept
# running by systemd (also after a reboot). The VM's Linux image ships python3; nothing is installed.
set -euo pipefail

mkdir -p /var/www/clouddemo
cat > /var/www/clouddemo/index.html <<'PAGE'
__CLOUDDEMO_INDEX_HTML__
PAGE

cat > /etc/systemd/system/clouddemo-web.service <<'UNIT'
[Unit]
Description=clouddemo demo page on port 80
After=network-online.target
Wants=network-online.target

[Service]
ExecStart=/usr/bin/python3 -m http.server 80 --directory /var/www/clouddemo
Restart=always
DynamicUser=yes
AmbientCapabilities=CAP_NET_BIND_SERVICE

[Install]
WantedBy=multi-user.target
UNIT

systemctl daemon-reload
systemctl enable --now clouddemo-web.service
