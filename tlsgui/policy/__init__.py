"""TLS rules and facts about 4D, each written once with the document it comes from."""
