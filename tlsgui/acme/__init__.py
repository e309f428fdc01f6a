"""Free certificates from any RFC 8555 CA (Let's Encrypt …), installed into a 4D project and renewed."""
