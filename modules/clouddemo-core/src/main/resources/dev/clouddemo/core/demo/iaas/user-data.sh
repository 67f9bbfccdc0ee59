#!/bin/bash
# clouddemo iaas demo: cloud-init runs this once, as root, at the instance's first boot.
# It writes the demo page and serves it on port 80 with Python's built-in web server, kept
# running by systemd (also after a reboot). Amazon Linux 2023 ships python3; nothing is installed.
set -euo pipefail

mkdir -p /var/www/clouddemo
cat > /var/www/clouddemo/index.html <<'PAGE'
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>clouddemo</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; background: #f5f7fa; color: #1f2933; }
    main { max-width: 40rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; }
    h1 { color: #0b6e99; }
    table { border-collapse: collapse; margin: 1rem 0; }
    th, td { text-align: left; padding: 0.3rem 1rem 0.3rem 0; border-bottom: 1px solid #e4e7eb; }
    code { background: #eef2f6; padding: 0.1rem 0.3rem; border-radius: 4px; }
  </style>
</head>
<body>
  <main>
    <h1>Hello from clouddemo</h1>
    <p class="model">Service model: <strong>virtual machine</strong></p>
    <p>This page is served by a web server on a virtual machine you rent by the second: you
       manage the operating system, its updates, the web server and the firewall (security
       group); the provider manages the hardware.</p>
    <table>
      <tr><th>model</th><th>you manage</th></tr>
      <tr><td>static (SaaS-like)</td><td>the files</td></tr>
      <tr><td>faas</td><td>a function</td></tr>
      <tr><td>paas</td><td>an application</td></tr>
      <tr><td>iaas</td><td>a whole virtual machine</td></tr>
    </table>
    <p class="host">Served by <code id="host"></code></p>
  </main>
  <script>document.getElementById("host").textContent = location.host;</script>
</body>
</html>
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
