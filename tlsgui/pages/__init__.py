"""The settings pages (Web, Client-server, SQL, TLS policy, Certificates), one module each."""
