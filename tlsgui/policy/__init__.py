"""TLS rules and facts about 4D, each written once with the doc page or RFC it comes from."""
