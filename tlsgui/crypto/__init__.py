"""Keys, certificates, cipher strings and DH parameters; the only package that imports `cryptography`."""
