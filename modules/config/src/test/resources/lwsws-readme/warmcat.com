 {
 "vhosts": [{
 "name": "warmcat.com",
 "port": "443",
 "interface": "eth0", # optional
 "host-ssl-key": "/etc/pki/tls/private/warmcat.com.key", # if given enable ssl
 "host-ssl-cert": "/etc/pki/tls/certs/warmcat.com.crt",
 "host-ssl-ca": "/etc/pki/tls/certs/warmcat.com.cer",
 "mounts": [{ # autoserve
 "mountpoint": "/",
 "origin": "file:///var/www/warmcat.com",
 "default": "index.html"
 }]
 }]
 }
