"""The CA's urn:ietf:params:acme:error:* problems, as the acme library raises them, in words with what to do."""

from __future__ import annotations

import pytest
import requests
from acme import errors, messages

from tlsgui.acme.client import AcmeFailed, problem


@pytest.mark.parametrize("code, words, fix", [
    ("rateLimited", "too many requests", "staging"),
    ("rejectedIdentifier", "will not issue", "public domain names"),
    ("dns", "DNS", "TXT"),
    ("connection", "could not connect", "port 80"),
    ("unauthorized", "did not prove control", "--webroot"),
    ("caa", "CAA", "CAA record"),
    ("externalAccountRequired", "External Account Binding", "--eab-kid"),
])
def test_problem_types_in_words(code, words, fix):
    error = messages.Error.with_code(code, detail="the CA's own detail")
    failed = problem(error)
    assert isinstance(failed, AcmeFailed) and failed.code == code
    assert words in failed.message and "the CA's own detail" in failed.message
    assert fix in failed.fix


def test_unknown_problem_keeps_the_cas_words():
    failed = problem(messages.Error(typ="urn:example:weird", detail="something odd"))
    assert "something odd" in failed.message and failed.fix


def test_network_and_timeout_failures_in_words():
    assert "Cannot reach the CA" in problem(requests.exceptions.ConnectionError("refused")).message
    assert "in time" in problem(errors.TimeoutError()).message
    assert "--ca-bundle" in problem(requests.exceptions.SSLError("bad cert")).fix


def test_programming_errors_are_not_hidden():
    with pytest.raises(KeyError):
        problem(KeyError("a bug"))
