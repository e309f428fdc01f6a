"""Every TLS rule and every fact about 4D versions, written once with the page or RFC it comes from."""
